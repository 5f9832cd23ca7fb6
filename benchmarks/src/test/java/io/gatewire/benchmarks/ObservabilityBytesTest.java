package io.gatewire.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The default access log is per listener, not per route: its total bytes do not grow with the
 * routes; tracing adds bytes with every route (the route's literal tags).
 */
class ObservabilityBytesTest {
  @Test
  void accessLogBytesAreConstant_tracingBytesGrowWithTheRoutes() {
    ObservabilityBytes small = ObservabilityBytes.measure(10);
    ObservabilityBytes large = ObservabilityBytes.measure(100);

    double accessLogSmall = (small.defaults() - small.off()) * small.routes();
    double accessLogLarge = (large.defaults() - large.off()) * large.routes();
    assertThat(accessLogSmall).isPositive();
    assertThat(accessLogLarge).isCloseTo(accessLogSmall, within(1.0));

    double tracingPerRouteSmall = small.tracing() - small.defaults();
    double tracingPerRouteLarge = large.tracing() - large.defaults();
    assertThat(tracingPerRouteLarge).isPositive();
    assertThat(tracingPerRouteLarge * large.routes())
        .isGreaterThan(tracingPerRouteSmall * small.routes());
  }
}
