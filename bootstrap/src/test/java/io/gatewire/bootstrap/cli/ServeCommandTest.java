package io.gatewire.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The usage rules of {@code serve} that hold before anything is served (the serving itself: e2e tests). */
class ServeCommandTest {

  @Test
  void filesAndTheClusterSource_excludeEachOther() {
    CommandRunner.Run run = CommandRunner.run("serve", "--source", "kubernetes", "-f", "x.yaml");

    assertThat(run.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(run.err()).contains("-f PATH and --source kubernetes exclude each other");
  }

  @Test
  void clusterFlags_needTheClusterSource() {
    CommandRunner.Run run = CommandRunner.run("serve", "-f", "x.yaml", "--namespace", "team");

    assertThat(run.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(run.err()).contains("--kubeconfig, --namespace and --lease-namespace need --source kubernetes");
  }

  @Test
  void fileSource_needsPaths() {
    CommandRunner.Run run = CommandRunner.run("serve");

    assertThat(run.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(run.err()).contains("serve needs -f PATH (or --source kubernetes)");
  }
}
