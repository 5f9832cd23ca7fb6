package io.gatewire.benchmarks.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The churn soak at toy size through the cluster source: 3 cycles of 50 HTTPRoutes created and
 * deleted in fabric8's CRUD mock API server, 60 clients coming and going, a route updated to a version
 * the decoder rejects and repaired every cycle. The same bounds as {@link ChurnSoakSmokeTest}: nothing
 * the server, translator or informers hold outlives the routes and clients, and the refused object never
 * changes what is served. Levels and counts only, no times: the real run is
 * {@code benchmarks/soak.sh --source kubernetes}.
 */
class KubernetesChurnSoakSmokeTest {
  @Test
  void routesAndClientsComeAndGo_throughTheApiServer_andLeaveNothingBehind() throws Exception {
    ChurnSoak.Result result;
    try (KubernetesRouteSource cluster = KubernetesRouteSource.start()) {
      result = ChurnSoak.run(new ChurnSoak.Settings(50, 3, 4, 60, 60), cluster);
    }

    assertThat(result.source()).isEqualTo("KubernetesRouteSource");
    assertThat(result.clientsChurned()).isEqualTo(60);
    assertThat(result.cycles()).hasSize(3).allSatisfy(cycle -> assertThat(cycle.brokenInputKept()).isTrue());
    ChurnSoak.Levels baseline = result.baseline();
    ChurnSoak.Levels end = result.end();
    assertThat(result.loaded().translatorMemos().get("plans")).as("the loaded state held the routes").isEqualTo(50);
    assertThat(end.serverStreams()).isEqualTo(baseline.serverStreams()).isEqualTo(4);
    assertThat(end.servingSizes()).isEqualTo(baseline.servingSizes());
    assertThat(end.servingSizes().get("parkedWatches")).isZero();
    assertThat(end.translatorMemos()).isEqualTo(baseline.translatorMemos());
    // gRPC's shared executor is a cached pool: it grows with concurrent calls and idles out after 60 s
    String grpcExecutor = "grpc-default-executor-#";
    Map<String, Integer> threadsAtEnd = servingThreads(end);
    Map<String, Integer> threadsAtBaseline = servingThreads(baseline);
    assertThat(threadsAtEnd.remove(grpcExecutor)).isLessThanOrEqualTo(threadsAtBaseline.remove(grpcExecutor) + 8);
    assertThat(threadsAtEnd).as("every other pool of the server, pipeline, informers and clients")
        .isEqualTo(threadsAtBaseline);
    assertThat(result.heapRatio()).isLessThan(1.25);
  }

  /**
   * The threads of gRPC, Gatewire, the load clients, and fabric8's client, informers and mock server
   * (executor pools named {@code pool-N-thread-M}, Vert.x) by pool (the test JVM has others).
   */
  private static Map<String, Integer> servingThreads(ChurnSoak.Levels levels) {
    Map<String, Integer> pools = new TreeMap<>(levels.threadsByPool());
    pools.keySet().removeIf(pool -> !pool.startsWith("grpc-") && !pool.startsWith("gatewire-")
        && !pool.startsWith(LoadClients.THREAD_PREFIX) && !pool.startsWith("vert") && !pool.contains("pool-"));
    return pools;
  }
}
