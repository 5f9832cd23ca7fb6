package io.gatewire.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ProxySettings in files and the proxy settings flags of {@code translate} (and {@code serve},
 * which shares them): an invalid ProxySettings is an input error at its file and line naming the
 * field; a flag out of range is a usage error; a reference that does not resolve is a warning and
 * the Gateway's status, not an error.
 */
class ProxySettingsCommandTest {
  private static final String QUICKSTART = "../docs/examples/quickstart.yaml";

  @TempDir Path temp;

  @Test
  void anInvalidProxySettings_exits1_atItsFileLineAndField() throws Exception {
    Path bad = temp.resolve("settings.yaml");
    Files.writeString(
        bad,
        """
        apiVersion: gatewire.io/v1alpha1
        kind: ProxySettings
        metadata:
          name: edge
          namespace: myns
        spec:
          tracing:
            collector:
              host: otel
              port: 4317
            samplingPercent: 250
        """);

    CommandRunner.Run run = CommandRunner.run("translate", "-f", QUICKSTART, "-f", bad.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(
            "settings.yaml:11: ProxySettings myns/edge: spec.tracing.samplingPercent:"
                + " must be from 0 to 100, not 250.0");
  }

  @Test
  void aReferenceToNothing_isAWarning_andInvalidParametersInTheGatewaysStatus() throws Exception {
    Path gateway = temp.resolve("gateway.yaml");
    Files.writeString(
        gateway,
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: gatewire}
        spec: {controllerName: gatewire.io/gateway-controller}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: eg, namespace: myns}
        spec:
          gatewayClassName: gatewire
          infrastructure:
            parametersRef: {group: gatewire.io, kind: ProxySettings, name: nope}
          listeners: [{name: http, protocol: HTTP, port: 80}]
        """);

    CommandRunner.Run run =
        CommandRunner.run("translate", "-f", gateway.toString(), "--emit", "all", "-o", "json");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err())
        .contains(
            "warning: Gateway myns/eg: parametersRef gatewire.io/ProxySettings nope names"
                + " ProxySettings myns/nope, which does not exist");
    assertThat(run.out()).contains("\"reason\" : \"InvalidParameters\"");
  }

  @Test
  void flagsOutOfRange_areUsageErrors() {
    String[][] bad = {
      {"--access-log", "relative.log"},
      {"--access-log-format", "yaml"},
      {"--access-log-text", "50% off"},
      {"--access-log-json", "not json"},
      {"--access-log-json", "{\"code\": 5}"},
      {"--access-log-json", "{\"code\": \"%RESPONSE_CODE%\"}", "--access-log-format", "text"},
      {"--access-log-text", "%START_TIME%", "--access-log-json", "{\"a\": \"%START_TIME%\"}"},
      {"--tracing-collector", "otel"},
      {"--tracing-collector", "otel:99999"},
      {"--tracing-sampling", "101"},
      {"--metrics-route-stats", "maybe"},
    };
    for (String[] flags : bad) {
      String[] args = new String[flags.length + 3];
      args[0] = "translate";
      args[1] = "-f";
      args[2] = QUICKSTART;
      System.arraycopy(flags, 0, args, 3, flags.length);
      CommandRunner.Run run = CommandRunner.run(args);
      assertThat(run.exitCode()).as(String.join(" ", flags)).isEqualTo(2);
      assertThat(run.err()).as(String.join(" ", flags)).contains(flags[0]);
    }
  }

  @Test
  void validFlags_translate() {
    CommandRunner.Run run =
        CommandRunner.run(
            "translate",
            "-f",
            QUICKSTART,
            "--access-log",
            "/var/log/envoy/access.log",
            "--access-log-json",
            "{\"code\": \"%RESPONSE_CODE%\"}",
            "--tracing-collector",
            "otel.monitoring:4317",
            "--tracing-sampling",
            "2.5");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
  }

  @Test
  void routeStatsFalse_leavesOutEveryRoutesStatPrefix() {
    String routeStatPrefix = "\"statPrefix\" : \"httproute/";
    CommandRunner.Run defaults = CommandRunner.run("translate", "-f", QUICKSTART, "-o", "json");
    assertThat(defaults.exitCode()).as(defaults.err()).isEqualTo(0);
    assertThat(defaults.out()).contains(routeStatPrefix);
    CommandRunner.Run off =
        CommandRunner.run(
            "translate", "-f", QUICKSTART, "-o", "json", "--metrics-route-stats", "false");
    assertThat(off.exitCode()).as(off.err()).isEqualTo(0);
    assertThat(off.out()).doesNotContain(routeStatPrefix).contains("\"envoy-gateway\"");
  }
}
