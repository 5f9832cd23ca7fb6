package io.gatewire.benchmarks.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The churn soak at toy size (3 cycles of 50 routes through watched files, 60 clients coming and
 * going) in this JVM: nothing the server or translator remembers outlives the routes and clients,
 * broken input never replaces the served configuration. Levels and counts only, no times: the real
 * run is benchmarks/soak.sh.
 */
class ChurnSoakSmokeTest {
  @TempDir
  Path directory;

  @Test
  void routesAndClientsComeAndGo_andLeaveNothingBehind() throws Exception {
    ChurnSoak.Result result;
    try (FileRouteSource files = new FileRouteSource(directory)) {
      result = ChurnSoak.run(new ChurnSoak.Settings(50, 3, 4, 60, 60), files);
    }

    assertThat(result.clientsChurned()).isEqualTo(60);
    assertThat(result.cycles()).hasSize(3).allSatisfy(cycle -> assertThat(cycle.brokenInputKept()).isTrue());
    ChurnSoak.Levels baseline = result.baseline();
    ChurnSoak.Levels end = result.end();
    assertThat(result.loaded().translatorMemos().get("plans")).as("the loaded state held the routes").isEqualTo(50);
    assertThat(result.loaded().servingSizes().get("memo.clusters")).isGreaterThanOrEqualTo(50);
    assertThat(end.serverStreams()).isEqualTo(baseline.serverStreams()).isEqualTo(4);
    assertThat(end.servingSizes()).isEqualTo(baseline.servingSizes());
    assertThat(end.servingSizes().get("parkedWatches")).isZero();
    assertThat(end.translatorMemos()).isEqualTo(baseline.translatorMemos());
    // gRPC's shared executor is a cached pool: it grows with concurrent calls and idles out after 60 s
    String grpcExecutor = "grpc-default-executor-#";
    Map<String, Integer> threadsAtEnd = servingThreads(end);
    Map<String, Integer> threadsAtBaseline = servingThreads(baseline);
    assertThat(threadsAtEnd.remove(grpcExecutor)).isLessThanOrEqualTo(threadsAtBaseline.remove(grpcExecutor) + 8);
    assertThat(threadsAtEnd).as("every other pool of the server, pipeline and clients").isEqualTo(threadsAtBaseline);
    // a generous bound at this size, where a few hundred KiB of JIT and pool state are a large share
    assertThat(result.heapRatio()).isLessThan(1.25);
  }

  /** The threads of gRPC, Gatewire, the file watch and the load clients by pool (the test JVM has others). */
  private static Map<String, Integer> servingThreads(ChurnSoak.Levels levels) {
    Map<String, Integer> pools = new TreeMap<>(levels.threadsByPool());
    pools.keySet().removeIf(pool -> !pool.startsWith("grpc-") && !pool.startsWith("gatewire-")
        && !pool.startsWith(LoadClients.THREAD_PREFIX) && !pool.equals("FileSystemWatchService"));
    return pools;
  }
}
