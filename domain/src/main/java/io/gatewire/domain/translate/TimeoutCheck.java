package io.gatewire.domain.translate;

import io.gatewire.domain.model.HttpRouteRule;
import java.util.Optional;

/**
 * The check the HTTPRoute CRD makes on {@code timeouts} (each a Gateway API duration), repeated
 * here because manifests read from files never met the API server.
 */
final class TimeoutCheck {
  private TimeoutCheck() {}

  /** What is wrong with {@code timeouts}, if anything; nothing when there are none. */
  static Optional<String> problem(HttpRouteRule.Timeouts timeouts) {
    if (timeouts == null) {
      return Optional.empty();
    }
    return invalid("request", timeouts.request())
        .or(() -> invalid("backendRequest", timeouts.backendRequest()));
  }

  private static Optional<String> invalid(String field, Optional<String> duration) {
    return duration
        .filter(d -> !RetryCheck.DURATION.matcher(d).matches())
        .map(d -> "timeouts." + field + " " + d + " is not a Gateway API duration");
  }
}
