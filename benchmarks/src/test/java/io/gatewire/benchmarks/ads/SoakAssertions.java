package io.gatewire.benchmarks.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The levels a smoke-sized churn soak must return to, whatever medium the routes came through. */
final class SoakAssertions {
  private SoakAssertions() {}

  /**
   * Every cycle kept the last good configuration; the loaded state held the routes; streams, the
   * server's internals and the translator's memos are back at the baseline; so are the thread pools
   * {@code servingPool} selects (the test JVM has others), except gRPC's shared cached executor;
   * heap after GC within a generous bound at this size, where JIT and pool state are a large share.
   */
  static void assertBackToBaseline(
      ChurnSoak.Result result, int routes, int cycles, int clients, Predicate<String> servingPool) {
    assertThat(result.clientsChurned()).isEqualTo(clients);
    assertThat(result.cycles())
        .hasSize(cycles)
        .allSatisfy(cycle -> assertThat(cycle.brokenInputKept()).isTrue());
    ChurnSoak.Levels baseline = result.baseline();
    ChurnSoak.Levels end = result.end();
    assertThat(result.loaded().translatorMemos().get("translate.plans"))
        .as("the loaded state held the routes")
        .isEqualTo(routes);
    assertThat(result.loaded().servingSizes().get("memo.xds.versions"))
        .isGreaterThanOrEqualTo(routes);
    assertThat(end.serverStreams()).isEqualTo(baseline.serverStreams()).isEqualTo(4);
    assertThat(end.servingSizes()).isEqualTo(baseline.servingSizes());
    assertThat(end.servingSizes().get("parkedWatches")).isZero();
    assertThat(end.translatorMemos()).isEqualTo(baseline.translatorMemos());
    // gRPC's shared executor is a cached pool: it grows with concurrent calls and idles out after
    // 60 s
    String grpcExecutor = "grpc-default-executor-#";
    Map<String, Integer> threadsAtEnd = pools(end, servingPool);
    Map<String, Integer> threadsAtBaseline = pools(baseline, servingPool);
    assertThat(threadsAtEnd.remove(grpcExecutor))
        .isLessThanOrEqualTo(threadsAtBaseline.remove(grpcExecutor) + 8);
    assertThat(threadsAtEnd).as("every other serving pool").isEqualTo(threadsAtBaseline);
    assertThat(result.heapRatio()).isLessThan(1.25);
  }

  private static Map<String, Integer> pools(
      ChurnSoak.Levels levels, Predicate<String> servingPool) {
    Map<String, Integer> pools = new TreeMap<>(levels.threadsByPool());
    pools.keySet().removeIf(servingPool.negate());
    return pools;
  }

  /** gRPC's, Gatewire's and the load clients' threads. */
  static boolean gatewireOrGrpc(String pool) {
    return pool.startsWith("grpc-")
        || pool.startsWith("gatewire-")
        || pool.startsWith(LoadClients.THREAD_PREFIX);
  }
}
