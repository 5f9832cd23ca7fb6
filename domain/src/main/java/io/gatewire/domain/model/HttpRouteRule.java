package io.gatewire.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * One HTTPRoute rule. Matches default to a single PathPrefix {@code /} match when the route omits
 * them; {@code timeouts} holds the Gateway API durations as written.
 */
public record HttpRouteRule(
    Optional<String> name,
    List<HttpRouteMatch> matches,
    List<HttpFilter> filters,
    List<HttpBackendRef> backendRefs,
    Optional<Timeouts> timeouts) {

  public HttpRouteRule {
    name = name == null ? Optional.empty() : name;
    matches = List.copyOf(matches);
    filters = List.copyOf(filters);
    backendRefs = List.copyOf(backendRefs);
    timeouts = timeouts == null ? Optional.empty() : timeouts;
  }

  /** {@code timeouts.request} and {@code timeouts.backendRequest}, as Gateway API duration strings. */
  public record Timeouts(Optional<String> request, Optional<String> backendRequest) {}
}
