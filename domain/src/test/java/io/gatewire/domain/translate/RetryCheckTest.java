package io.gatewire.domain.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.HttpRouteRule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The translator's own retry check, for objects that reach it without the API server's validation
 * (a decoder without the schema check, an embedding caller): what the CRD refuses drops the rule.
 */
class RetryCheckTest {
  @Test
  void codesOutside400To599_negativeAttempts_andBadBackoffs_areProblems() {
    assertThat(RetryCheck.problem(retry(List.of(600), Optional.of(1), Optional.empty())))
        .contains("retry code 600 is not between 400 and 599");
    assertThat(RetryCheck.problem(retry(List.of(500), Optional.of(-1), Optional.empty())))
        .contains("retry attempts -1 is negative");
    assertThat(RetryCheck.problem(retry(List.of(), Optional.empty(), Optional.of("soon"))))
        .contains("retry backoff soon is not a Gateway API duration");
  }

  @Test
  void whatTheCrdAccepts_isNoProblem() {
    assertThat(RetryCheck.problem(retry(List.of(500, 503), Optional.of(2), Optional.of("100ms"))))
        .isEmpty();
    assertThat(RetryCheck.problem(null)).isEmpty();
  }

  @Test
  void theCodeRangeIncludesBothEnds_andZeroAttemptsIsAllowed() {
    assertThat(RetryCheck.problem(retry(List.of(400, 599), Optional.of(0), Optional.empty())))
        .isEmpty();
    assertThat(RetryCheck.problem(retry(List.of(399), Optional.empty(), Optional.empty())))
        .contains("retry code 399 is not between 400 and 599");
  }

  private static HttpRouteRule.Retry retry(
      List<Integer> codes, Optional<Integer> attempts, Optional<String> backoff) {
    return new HttpRouteRule.Retry(codes, attempts, backoff);
  }
}
