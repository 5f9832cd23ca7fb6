package io.gatewire.benchmarks.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The levels a smoke-sized churn soak must return to, whatever medium the routes came through. */
final class SoakAssertions {
  private SoakAssertions() {}

  /**
   * Every cycle kept the last good configuration; the loaded state held the routes; streams, the
   * server's internals and the translator's memos are back at the baseline; the xDS server's thread
   * pools hold their fixed sizes throughout, and the other pools {@code servingPool} selects (the
   * test JVM has others) are back at the baseline; heap after GC within a generous bound at this
   * size, where JIT and pool state are a large share.
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
    // The xDS server's pools have fixed sizes and start all their threads up front: every level
    // shows each at exactly its size. Neither the server nor the load clients run anything on
    // gRPC's process-wide pools (its executor is a cached pool that grows with concurrent calls and
    // idles out after a minute): they never grow past the baseline, which may still hold idle
    // threads of earlier tests in this JVM.
    for (ChurnSoak.Levels level : List.of(baseline, result.loaded(), end)) {
      assertThat(level.threadsByPool())
          .as("the xDS server's pools")
          .containsAllEntriesOf(result.serverPools());
      grpcDefaultPools(baseline)
          .forEach(
              (pool, atBaseline) ->
                  assertThat(level.threadsByPool().getOrDefault(pool, 0))
                      .as("gRPC's process-wide pool %s", pool)
                      .isLessThanOrEqualTo(atBaseline));
      assertThat(grpcDefaultPools(level).keySet())
          .as("gRPC's process-wide pools")
          .isSubsetOf(grpcDefaultPools(baseline).keySet());
    }
    Map<String, Integer> atEnd = pools(end, servingPool);
    Map<String, Integer> atBaseline = pools(baseline, servingPool);
    atEnd.keySet().removeAll(grpcDefaultPools(end).keySet());
    atBaseline.keySet().removeAll(grpcDefaultPools(baseline).keySet());
    assertThat(atEnd).as("every other pool the run uses").isEqualTo(atBaseline);
    assertThat(result.heapRatio()).isLessThan(1.25);
  }

  private static Map<String, Integer> pools(
      ChurnSoak.Levels levels, Predicate<String> servingPool) {
    Map<String, Integer> pools = new TreeMap<>(levels.threadsByPool());
    pools.keySet().removeIf(servingPool.negate());
    return pools;
  }

  private static Map<String, Integer> grpcDefaultPools(ChurnSoak.Levels levels) {
    Map<String, Integer> pools = new TreeMap<>(levels.threadsByPool());
    pools.keySet().removeIf(pool -> !pool.startsWith("grpc-default-"));
    return pools;
  }

  /** gRPC's, Gatewire's and the load clients' threads. */
  static boolean gatewireOrGrpc(String pool) {
    return pool.startsWith("grpc-")
        || pool.startsWith("gatewire-")
        || pool.startsWith(LoadClients.THREAD_PREFIX);
  }
}
