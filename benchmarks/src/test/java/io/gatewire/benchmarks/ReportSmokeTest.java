package io.gatewire.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the benchmarks compiling and working, at toy sizes and in this JVM (no fork, no warmup, one
 * 1 ms iteration): this is no measurement. The real runs are benchmarks/run.sh.
 */
class ReportSmokeTest {
  @TempDir Path out;

  @Test
  void report_runsEveryFigureAndWritesTheTableAndJson() throws Exception {
    Report.Settings tiny =
        new Report.Settings(
            List.of(10, 20), 10, 0, 0, Duration.ofMillis(1), 1, Duration.ofMillis(1), out);

    String table = Report.run(tiny);

    assertThat(table)
        .contains(
            "| 1 full translation (1x1) | 20 |",
            "| 2 one route edited | 10 |",
            "| 3 endpoint-only change | 10 |",
            "| 4 no-op (equal input) | 10 |",
            "| 5 retained heap | 20 |",
            "| 6 xDS bytes | 20 |");
    assertThat(out.resolve("jmh-full.json")).exists();
    assertThat(out.resolve("jmh-changes.json")).exists();
    assertThat(out.resolve("jmh-full-endpoints.json")).exists();
    assertThat(table).contains("| 1 full translation (1x1-10ep, the workload of 2-4) | 10 |");
    JsonNode figures = new ObjectMapper().readTree(out.resolve("figures.json").toFile());
    assertThat(figures.at("/figure1FullTranslation")).hasSize(2);
    assertThat(figures.at("/figure1FullTranslation/1/allocBytesPerOp").asDouble()).isPositive();
    assertThat(figures.at("/figure5RetainedHeap/1/totalBytes").asLong()).isPositive();

    JsonNode changes = figures.at("/changes");
    assertThat(changes.at("/figure2ChangedVersions/ROUTE").asInt()).isEqualTo(1);
    assertThat(changes.at("/figure2ChangedVersions/CLUSTER").asInt()).isZero();
    assertThat(changes.at("/figure2ChangedVersions/ENDPOINT").asInt()).isZero();
    assertThat(changes.at("/figure3ChangedVersions/ENDPOINT").asInt()).isPositive();
    assertThat(changes.at("/figure3ChangedVersions/ROUTE").asInt()).isZero();
    assertThat(changes.at("/figure3ChangedVersions/CLUSTER").asInt()).isZero();
    assertThat(changes.at("/figure4Translations").asLong()).isZero();
    changes
        .at("/figure4ChangedVersionsIfRetranslated")
        .forEach(count -> assertThat(count.asInt()).isZero());
    changes.at("/changedVersionsAfterRestart").forEach(count -> assertThat(count.asInt()).isZero());
  }

  @Test
  void fullTranslationPhases_stopAfterTheIrAndAfterTheProtos() {
    FullTranslationBenchmark benchmark = new FullTranslationBenchmark();
    benchmark.routes = 10;
    benchmark.shape = Workloads.SMALL;
    benchmark.setUp();

    assertThat(benchmark.translateOnly().gateways()).hasSize(1);
    assertThat(benchmark.translateAndMap().clusters()).hasSize(10);
    assertThat(benchmark.fullBuild().nodeGroups()).containsExactly("*", Serving.GATEWAY_GROUP);
  }

  @Test
  void bytesPerRoute_metadataOffIsSmallerThanDefault_whichIsSmallerThanWithAnnotations() {
    BytesPerRoute bytes = BytesPerRoute.measure(10, Workloads.SMALL);

    assertThat(bytes.off()).isPositive().isLessThan(bytes.defaults());
    assertThat(bytes.defaults()).isLessThan(bytes.annotations());
  }
}
