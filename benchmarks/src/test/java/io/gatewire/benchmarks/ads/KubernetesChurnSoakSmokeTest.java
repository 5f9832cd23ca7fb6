package io.gatewire.benchmarks.ads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The churn soak at toy size through the cluster source: 3 cycles of 50 HTTPRoutes created and
 * deleted in fabric8's CRUD mock API server, 60 clients coming and going, a route updated to a
 * version the decoder rejects and repaired every cycle. The same bounds as {@link
 * ChurnSoakSmokeTest}: nothing the server, translator or informers hold outlives the routes and
 * clients, and the refused object never changes what is served. Levels and counts only, no times:
 * the real run is {@code benchmarks/soak.sh --source kubernetes}.
 */
class KubernetesChurnSoakSmokeTest {
  @Test
  void routesAndClientsComeAndGo_throughTheApiServer_andLeaveNothingBehind() throws Exception {
    ChurnSoak.Result result;
    try (KubernetesRouteSource cluster = KubernetesRouteSource.start()) {
      result = ChurnSoak.run(new ChurnSoak.Settings(50, 3, 4, 60, 60), cluster);
    }

    assertThat(result.source()).isEqualTo("KubernetesRouteSource");
    SoakAssertions.assertBackToBaseline(
        result,
        50,
        3,
        60,
        // fabric8's client, informers and mock server: executor pools named pool-N-thread-M, Vert.x
        pool ->
            SoakAssertions.gatewireOrGrpc(pool)
                || pool.startsWith("vert")
                || pool.contains("pool-"));
  }
}
