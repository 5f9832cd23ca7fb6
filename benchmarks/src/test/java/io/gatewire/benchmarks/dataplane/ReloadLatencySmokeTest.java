package io.gatewire.benchmarks.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.testkit.envoy.EnvoyBootstrap.AdsProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps benchmarks/reload.sh working: one edit of each kind through a real Envoy, no warmup. This
 * is no measurement.
 */
class ReloadLatencySmokeTest {
  @Test
  void everyKindOfEdit_reachesEnvoy_andIsTimed() {
    List<ReloadLatency.Figure> figures = ReloadLatency.run(1, 0, AdsProtocol.DELTA);

    assertThat(figures).extracting(ReloadLatency.Figure::edit).hasSize(4);
    assertThat(figures).allSatisfy(f -> assertThat(f.samples()).hasSize(1).allMatch(ms -> ms > 0));
    assertThat(figures.get(0).xds()).contains("rds");
    assertThat(figures.get(2).xds()).containsExactly("eds");
    assertThat(figures.get(3).xds()).contains("lds");
    assertThat(ReloadLatency.table(figures, 1, AdsProtocol.DELTA))
        .contains("| route change (header filter value) | RDS |");
  }
}
