package io.gatewire.domain.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.HttpRouteRule;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeoutCheckTest {
  @Test
  void gatewayApiDurations_pass() {
    assertThat(TimeoutCheck.problem(null)).isEmpty();
    assertThat(
            TimeoutCheck.problem(
                new HttpRouteRule.Timeouts(Optional.of("10s"), Optional.of("1h30m500ms"))))
        .isEmpty();
  }

  @Test
  void anythingElse_isNamed() {
    assertThat(
            TimeoutCheck.problem(
                new HttpRouteRule.Timeouts(Optional.of("forever"), Optional.empty())))
        .contains("timeouts.request forever is not a Gateway API duration");
    assertThat(
            TimeoutCheck.problem(
                new HttpRouteRule.Timeouts(Optional.of("1s"), Optional.of("1.5s"))))
        .contains("timeouts.backendRequest 1.5s is not a Gateway API duration");
  }
}
