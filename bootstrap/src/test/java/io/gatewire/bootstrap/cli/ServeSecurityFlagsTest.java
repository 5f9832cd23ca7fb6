package io.gatewire.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.adapters.xds.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s xDS security flags: contradicting combinations are usage errors (exit 2), and TLS
 * files that cannot be used stop the start with exit 1 and the file's name. (A valid combination
 * starts serving and blocks, so it is covered by the serving tests, not here.)
 */
class ServeSecurityFlagsTest {
  @TempDir Path dir;

  private CommandRunner.Run serve(String... flags) throws Exception {
    Path input = Files.writeString(dir.resolve("empty.yaml"), "# nothing\n");
    List<String> args =
        new ArrayList<>(
            List.of("serve", "-f", input.toString(), "--xds-port", "0", "--admin-port", "0"));
    args.addAll(List.of(flags));
    return CommandRunner.run(args.toArray(String[]::new));
  }

  @Test
  void certificateWithoutKey_orKeyWithoutCertificate_isAUsageError() throws Exception {
    for (String flag : List.of("--xds-tls-cert", "--xds-tls-key")) {
      CommandRunner.Run run = serve(flag, dir.resolve("x.pem").toString());
      assertThat(run.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
      assertThat(run.err()).contains("--xds-tls-cert and --xds-tls-key go together");
    }
  }

  @Test
  void clientCaWithoutTls_andSanAuthorizationWithoutClientCa_areUsageErrors() throws Exception {
    CommandRunner.Run ca = serve("--xds-client-ca", dir.resolve("ca.pem").toString());
    assertThat(ca.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(ca.err()).contains("--xds-client-ca needs TLS");

    CommandRunner.Run san =
        serve("--xds-tls-cert", "a.pem", "--xds-tls-key", "b.pem", "--xds-authorize-by-san");
    assertThat(san.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(san.err()).contains("--xds-authorize-by-san needs mutual TLS");
  }

  @Test
  void unusableTlsFile_stopsTheStart_withExit1_namingTheFile() throws Exception {
    TestPki ca = TestPki.ca("test-ca");
    Path chain = dir.resolve("tls.crt");
    Path key = dir.resolve("tls.key");
    ca.server("xds").writeTo(chain, key);
    Path missingCa = dir.resolve("no-such-ca.crt");

    CommandRunner.Run run =
        serve(
            "--xds-tls-cert",
            chain.toString(),
            "--xds-tls-key",
            key.toString(),
            "--xds-client-ca",
            missingCa.toString());

    assertThat(run.exitCode()).isEqualTo(GatewireCommand.EXIT_INPUT);
    assertThat(run.err()).contains("error: " + missingCa + ": cannot be read");
  }
}
