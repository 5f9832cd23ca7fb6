package io.gatewire.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * One HTTPRoute rule. Matches default to a single PathPrefix {@code /} match when the route omits
 * them; {@code timeouts} and {@code retry} hold the Gateway API values as written (checked when
 * planned).
 */
public record HttpRouteRule(
    Optional<String> name,
    List<HttpRouteMatch> matches,
    List<HttpFilter> filters,
    List<HttpBackendRef> backendRefs,
    Optional<Timeouts> timeouts,
    Optional<Retry> retry) {

  public HttpRouteRule {
    name = name == null ? Optional.empty() : name;
    matches = List.copyOf(matches);
    filters = List.copyOf(filters);
    backendRefs = List.copyOf(backendRefs);
    timeouts = timeouts == null ? Optional.empty() : timeouts;
    retry = retry == null ? Optional.empty() : retry;
  }

  /**
   * {@code timeouts.request} and {@code timeouts.backendRequest}, as Gateway API duration strings.
   */
  public record Timeouts(Optional<String> request, Optional<String> backendRequest) {}

  /**
   * {@code retry}: the status codes to retry on, the most retries after the first attempt, and the
   * least wait between attempts (a Gateway API duration).
   */
  public record Retry(List<Integer> codes, Optional<Integer> attempts, Optional<String> backoff) {
    public Retry {
      codes = List.copyOf(codes);
    }
  }
}
