package io.gatewire.benchmarks.ads;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The churn soak at toy size (3 cycles of 50 routes through watched files, 60 clients coming and
 * going) in this JVM: nothing the server or translator remembers outlives the routes and clients,
 * broken input never replaces the served configuration. Levels and counts only, no times: the real
 * run is benchmarks/soak.sh.
 */
class ChurnSoakSmokeTest {
  @TempDir Path directory;

  @Test
  void routesAndClientsComeAndGo_andLeaveNothingBehind() throws Exception {
    ChurnSoak.Result result;
    try (FileRouteSource files = new FileRouteSource(directory)) {
      result = ChurnSoak.run(new ChurnSoak.Settings(50, 3, 4, 60, 60), files);
    }

    SoakAssertions.assertBackToBaseline(
        result,
        50,
        3,
        60,
        pool -> SoakAssertions.gatewireOrGrpc(pool) || pool.equals("FileSystemWatchService"));
  }
}
