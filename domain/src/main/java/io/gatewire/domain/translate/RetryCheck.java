package io.gatewire.domain.translate;

import io.gatewire.domain.model.HttpRouteRule;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks the HTTPRoute CRD makes on {@code retry} (codes 400 to 599, attempts not negative,
 * backoff a Gateway API duration), repeated here because manifests read from files never met the
 * API server.
 */
final class RetryCheck {
  private static final int LOWEST_CODE = 400;
  private static final int HIGHEST_CODE = 599;

  /** A Gateway API duration (GEP-2257), as the CRD validates it. */
  static final Pattern DURATION = Pattern.compile("([0-9]{1,5}(h|ms|m|s)){1,4}");

  private RetryCheck() {}

  /** What is wrong with {@code retry}, if anything; nothing when there is no retry. */
  static Optional<String> problem(HttpRouteRule.Retry retry) {
    if (retry == null) {
      return Optional.empty();
    }
    for (int code : retry.codes()) {
      if (code < LOWEST_CODE || code > HIGHEST_CODE) {
        return Optional.of(
            "retry code " + code + " is not between " + LOWEST_CODE + " and " + HIGHEST_CODE);
      }
    }
    if (retry.attempts().isPresent() && retry.attempts().get() < 0) {
      return Optional.of("retry attempts " + retry.attempts().get() + " is negative");
    }
    if (retry.backoff().isPresent() && !DURATION.matcher(retry.backoff().get()).matches()) {
      return Optional.of(
          "retry backoff " + retry.backoff().get() + " is not a Gateway API duration");
    }
    return Optional.empty();
  }
}
