package io.gatewire.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The usage rules of {@code serve}'s address flags (binding itself: the real-Envoy tests). */
class BindingFlagsTest {

  @Test
  void listenerPortOffsetOutOfRange_isAUsageError() {
    CommandRunner.Run run =
        CommandRunner.run("serve", "-f", "x.yaml", "--listener-port-offset", "65535");

    assertThat(run.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(run.err()).contains("a port offset is 0 to 65534, not 65535");
  }

  @Test
  void listenerAddressThatIsNoAddress_isAUsageError() {
    CommandRunner.Run run =
        CommandRunner.run("serve", "-f", "x.yaml", "--listener-address", "not an address");

    assertThat(run.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(run.err()).contains("--listener-address");
  }
}
