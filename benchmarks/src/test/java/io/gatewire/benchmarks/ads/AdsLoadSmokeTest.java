package io.gatewire.benchmarks.ads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The load run at toy size (50 streams, 100 routes) in this JVM: every stream, state of the world
 * and delta, converges on the first snapshot and on every change. Counts only, no times: this is no
 * measurement; the real run is benchmarks/load.sh.
 */
class AdsLoadSmokeTest {
  @Test
  void everyStreamAcksEverySnapshot() throws Exception {
    AdsLoad.Result result = AdsLoad.run(new AdsLoad.Settings(100, 50, 2, 1, 2, 60));

    assertThat(result.serverStreams()).isEqualTo(50);
    assertThat(result.servedBytesByType())
        .containsOnlyKeys("Listener", "RouteConfiguration", "Cluster", "ClusterLoadAssignment");
    assertThat(result.sotwStreams()).isEqualTo(25);
    assertThat(result.deltaStreams()).isEqualTo(25);
    assertThat(result.changes())
        .hasSize(2)
        .allSatisfy(
            change -> {
              assertThat(change.streamsAcked()).isEqualTo(50);
              // a route removed or added changes the route configuration and the clusters (and
              // assignments):
              // each stream gets at least those two responses
              assertThat(change.responses()).isGreaterThanOrEqualTo(2 * 50);
            });
    assertThat(AdsLoad.table(result)).contains("| route removed |", "| route added |");
  }
}
