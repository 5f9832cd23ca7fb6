package io.gatewire.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewire.adapters.xds.serve.ServingOptions;
import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.adapters.xds.testing.IrFixtures;
import io.gatewire.bootstrap.admin.AdminServer;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.metadata.MetadataOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AdminFlagsTest {
  private static AdminServer.Access access(String... args) {
    AdminFlags flags = new AdminFlags();
    CommandLine commandLine = new CommandLine(flags);
    commandLine.parseArgs(args);
    return flags.access(commandLine);
  }

  @Test
  void byDefault_bindsLoopbackOnly_andKeepsTheConfigDumpToLoopbackPeers() {
    AdminServer.Access access = access();

    assertThat(access.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(access.address().getPort()).isEqualTo(19000);
    assertThat(access.exposeConfigDump()).isFalse();
  }

  @Test
  void everyInterface_andAnExposedConfigDump_areTheOperatorsChoice() {
    AdminServer.Access access =
        access("--admin-address", "0.0.0.0", "--admin-expose-config-dump", "--admin-port", "0");

    assertThat(access.address().getAddress().isAnyLocalAddress()).isTrue();
    assertThat(access.exposeConfigDump()).isTrue();
  }

  @Test
  void anAddressThatIsNone_isAUsageError() {
    assertThatThrownBy(() -> access("--admin-address", "no such host.invalid"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--admin-address");
  }

  @Test
  void configDump_ofAServerServingASecret_namesItWithoutKeyMaterial() {
    ServingOptions insecure =
        new ServingOptions(0, MetadataOptions.DEFAULTS, Optional.empty(), true, false);
    try (XdsServing xds = new XdsServing(insecure, new SimpleMeterRegistry())) {
      xds.publish(new Ir(List.of(IrFixtures.rich())));

      String dump = ServeCommand.configDump(xds);

      assertThat(dump)
          .contains("\"infra/api-cert\"")
          .doesNotContain("PRIVATE KEY", "ZmFrZQ", "LS0tLS1CRUdJTi");
    }
  }
}
