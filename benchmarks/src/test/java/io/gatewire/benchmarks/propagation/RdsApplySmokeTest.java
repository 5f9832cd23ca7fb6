package io.gatewire.benchmarks.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.testkit.envoy.EnvoyBootstrap;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The RouteConfiguration apply benchmark at toy size, with a real Envoy and the shipped stats
 * configuration: Envoy accepts each variant (a rejection fails the run), every sample update is
 * applied and timed by Envoy itself, and its memory is read. Counts and levels only, no times: the
 * real run is benchmarks/rds-apply.sh.
 */
class RdsApplySmokeTest {
  /**
   * The JDK reads which restricted headers its HTTP client may send once, when the first client is
   * built; this test's Envoy admin client may be the first in the JVM, before the propagation smoke
   * test's listener client needs {@code Host}.
   */
  @BeforeAll
  static void allowHostHeader() {
    ListenerClient.allowHostHeader();
  }

  @ParameterizedTest
  @EnumSource(
      value = RouteVariant.class,
      names = {"EMITTED", "TRACING_NO_ROUTE_TRACING"})
  void everyUpdateIsAppliedAndTimedByEnvoy(RouteVariant variant) {
    RdsApplyRun.Result result =
        RdsApplyRun.run(
            16,
            variant,
            RdsApply.served(16, variant.tracing),
            2,
            Optional.of(EnvoyBootstrap.shippedStatsConfig()));

    assertThat(result.virtualHosts()).isEqualTo(16);
    assertThat(result.applyMs()).hasSize(2).allMatch(ms -> ms >= 0);
    assertThat(result.wallMs()).hasSize(2).allMatch(ms -> ms >= 0);
    assertThat(result.rssKib()).isGreaterThan(0);
    assertThat(result.allocatedBytes()).isGreaterThan(0);
    assertThat(RdsApply.row(result)).startsWith("| 16 | " + variant.flag + " | 16 |");
  }
}
