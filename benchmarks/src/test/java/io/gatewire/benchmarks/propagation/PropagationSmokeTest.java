package io.gatewire.benchmarks.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.bootstrap.generate.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The propagation benchmark at toy size, with everything real: {@code gatewire serve} in a process
 * of its own (this build's classes), a real Envoy, echo servers. Every change of every kind must be
 * answered the new way, the steady client must lose no request, and both processes must be
 * measured. Counts and levels only, no times: the real run is benchmarks/propagation.sh.
 */
class PropagationSmokeTest {
  @TempDir Path work;

  @BeforeAll
  static void allowHostHeader() {
    ListenerClient.allowHostHeader();
  }

  @ParameterizedTest(name = "hostnames {0}, layout {1}")
  @CsvSource({"per-route, files", "shared, single"})
  void everyChangeIsAnswered_andNoSteadyRequestFails(String hostnames, String layout) {
    PropagationRun.Settings settings =
        new PropagationRun.Settings(
            24,
            WorkloadSpec.Hostnames.parse(hostnames),
            WorkloadDirectory.Layout.parse(layout),
            2,
            12,
            Duration.ofMillis(20),
            2,
            2,
            40,
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.gatewire.bootstrap.cli.GatewireCommand"),
            List.of(),
            Duration.ofSeconds(60),
            "",
            work);

    PropagationRun.Result result = PropagationRun.run(settings);

    assertThat(result.samples()).hasSize(4 * 2).allMatch(s -> s.totalMs() > 0);
    assertThat(result.propagation().values()).allMatch(s -> s.count() == 2);
    assertThat(result.phases()).hasSize(3);
    for (PropagationRun.Phase phase : result.phases()) {
      assertThat(phase.steady().failures()).as(phase.name()).isEmpty();
      assertThat(phase.gatewire().peakRssKib()).as(phase.name()).isGreaterThan(0);
      assertThat(phase.envoy().peakRssKib()).as(phase.name()).isGreaterThan(0);
    }
    assertThat(result.phases().get(0).gatewire().cpuSeconds()).isGreaterThan(0);
    assertThat(result.phases().subList(1, 3)).allMatch(p -> p.steady().sent() > 0);
    assertThat(result.firstFailures()).isEmpty();
  }
}
