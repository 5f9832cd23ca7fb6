package io.gatewire.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.bootstrap.generate.WorkloadSpec;
import org.junit.jupiter.api.Test;

class GenerateCommandTest {

  @Test
  void generate_printsTheWorkloadOfItsFlags_whichTranslateReadsWithoutWarnings() {
    CommandRunner.Run generated =
        CommandRunner.run(
            "generate",
            "--routes",
            "20",
            "--rules-per-route",
            "3",
            "--matches-per-rule",
            "2",
            "--backends-per-rule",
            "2",
            "--endpoints-per-service",
            "10",
            "--hostnames",
            "shared",
            "--namespaces",
            "5",
            "--metadata",
            "annotations",
            "--seed",
            "7");

    assertThat(generated.exitCode()).isZero();
    assertThat(generated.out())
        .isEqualTo(
            WorkloadGenerator.yaml(
                new WorkloadSpec(
                    20,
                    3,
                    2,
                    2,
                    10,
                    WorkloadSpec.Hostnames.SHARED,
                    5,
                    WorkloadSpec.Metadata.ANNOTATIONS,
                    7)));
    CommandRunner.Run translated =
        CommandRunner.runWithStdin(generated.out(), "translate", "-f", "-", "-o", "json");
    assertThat(translated.exitCode()).isZero();
    assertThat(translated.err()).isEmpty();
    assertThat(translated.out()).contains("httproute/bench-4/route-19/rule/2");
  }

  @Test
  void generate_defaultsToTheSmallestShapeAndSeedOne() {
    assertThat(CommandRunner.run("generate", "--routes", "10").out())
        .isEqualTo(WorkloadGenerator.yaml(WorkloadSpec.of(10)));
  }

  @Test
  void generate_badShape_isAUsageError() {
    CommandRunner.Run run = CommandRunner.run("generate", "--routes", "10", "--namespaces", "50");

    assertThat(run.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(run.err()).contains("may not exceed the Services");
    assertThat(CommandRunner.run("generate", "--routes", "10", "--hostnames", "many").exitCode())
        .isEqualTo(GatewireCommand.EXIT_USAGE);
  }
}
