package io.gatewire.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The usage rules of {@code serve} that hold before anything is served (the serving itself: e2e
 * tests).
 */
class ServeCommandTest {

  @Test
  void filesAndTheClusterSource_excludeEachOther() {
    CommandRunner.Run run = CommandRunner.run("serve", "--source", "kubernetes", "-f", "x.yaml");

    assertThat(run.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(run.err()).contains("-f PATH and --source kubernetes exclude each other");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"--namespace=team", "--kubeconfig=kube.yaml", "--lease-namespace=gatewire-system"})
  void clusterFlags_needTheClusterSource(String clusterFlag) {
    CommandRunner.Run run = CommandRunner.run("serve", "-f", "x.yaml", clusterFlag);

    assertThat(run.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(run.err())
        .contains("--kubeconfig, --namespace and --lease-namespace need --source kubernetes");
  }

  @Test
  void fileSource_needsPaths() {
    CommandRunner.Run run = CommandRunner.run("serve");

    assertThat(run.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(run.err()).contains("serve needs -f PATH (or --source kubernetes)");
  }

  @Test
  void startupLine_namesTheGatewaysServed_andTheAdminAddressWithoutASlash() throws Exception {
    InetSocketAddress admin = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 19000);
    InetSocketAddress adminV6 = new InetSocketAddress(InetAddress.getByName("::1"), 19001);

    assertThat(ServeCommand.startupLine(18000, Set.of("*", "myns/eg", "a/b"), admin))
        .startsWith("serving Gateways a/b, myns/eg over xDS on port 18000 ")
        .endsWith("; admin HTTP on 127.0.0.1:19000");
    assertThat(ServeCommand.startupLine(18000, Set.of(), adminV6))
        .startsWith("serving no Gateway of this controller yet over xDS on port 18000")
        .endsWith("admin HTTP on [0:0:0:0:0:0:0:1]:19001");
  }
}
