package io.gatewire.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of a running {@code gatewire serve} (the jar, as a child process): log
 * lines in both formats, JSON ones parsed, with the startup line, the warning for a route whose
 * parentRef names a missing Gateway, a broken edit with its file, line and object as fields, the
 * recovery; and the JVM, process and build metrics on {@code /metrics}.
 */
class OperatorSurfaceIT {
  private static final Path QUICKSTART = Path.of("../docs/examples/quickstart.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOST =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: lost
        namespace: myns
      spec:
        parentRefs:
        - name: nosuch
        rules:
        - backendRefs:
          - name: backend
            port: 3000
      """;

  @TempDir Path dir;

  private GatewireProcess serve(String name, String... extra) throws Exception {
    Path config = dir.resolve("config");
    Files.createDirectories(config);
    Files.copy(QUICKSTART, config.resolve("quickstart.yaml"));
    Files.writeString(config.resolve("lost.yaml"), LOST);
    int admin = GatewireProcess.freePort();
    List<String> args =
        new ArrayList<>(
            List.of(
                "serve",
                "-f",
                config.toString(),
                "--xds-port",
                Integer.toString(GatewireProcess.freePort()),
                "--admin-port",
                Integer.toString(admin)));
    args.addAll(List.of(extra));
    GatewireProcess gatewire =
        GatewireProcess.start(dir, dir.resolve(name + ".log"), admin, args).awaitReady();
    // the startup line follows the first load, which runs beside serve's main thread: /readyz
    // may say ready a moment before it is logged
    await().atMost(Duration.ofSeconds(10)).until(() -> gatewire.log().contains("serving Gateways"));
    return gatewire;
  }

  private static List<JsonNode> jsonLines(GatewireProcess gatewire) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : gatewire.log().split("\n")) {
      if (!line.isBlank()) {
        JsonNode node = JSON.readTree(line);
        assertThat(node.isObject()).as(line).isTrue();
        lines.add(node);
      }
    }
    return lines;
  }

  private static JsonNode lineFrom(List<JsonNode> lines, String logger, String contains) {
    return lines.stream()
        .filter(l -> l.path("logger").asText().equals(logger))
        .filter(l -> l.path("message").asText().contains(contains))
        .findFirst()
        .orElseThrow(() -> new AssertionError(logger + " '" + contains + "' not in " + lines));
  }

  @Test
  void jsonLogs_oneObjectALine_withLoggerThreadAndErrorFields() throws Exception {
    try (GatewireProcess gatewire = serve("json", "--log-format", "json")) {
      List<JsonNode> started = jsonLines(gatewire);
      for (JsonNode line : started) {
        assertThat(line.fieldNames())
            .toIterable()
            .as(line.toString())
            .contains("timestamp", "level", "logger", "thread", "message");
        assertThat(Instant.parse(line.get("timestamp").asText())).isNotNull();
      }
      JsonNode startup = lineFrom(started, "io.gatewire.serve", "serving Gateways");
      assertThat(startup.get("level").asText()).isEqualTo("INFO");
      assertThat(startup.get("thread").asText()).isEqualTo("main");
      assertThat(startup.get("message").asText())
          .startsWith("serving Gateways myns/eg over xDS on port ")
          .endsWith("admin HTTP on 127.0.0.1:" + gatewire.adminPort)
          .doesNotContain("*,", "/127.0.0.1");
      JsonNode missing = lineFrom(started, "io.gatewire.status", "HTTPRoute myns/lost");
      assertThat(missing.get("level").asText()).isEqualTo("WARN");
      assertThat(missing.get("message").asText()).contains("Gateway myns/nosuch");

      Path lost = dir.resolve("config/lost.yaml");
      Files.writeString(lost, LOST.replace("port: 3000", "port: three"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> gatewire.get("/readyz").startsWith("ready (stale)"));
      JsonNode error =
          lineFrom(jsonLines(gatewire), "io.gatewire.config", "configuration not reloaded");
      assertThat(error.get("level").asText()).isEqualTo("ERROR");
      assertThat(error.get("file").asText()).isEqualTo(lost.toString());
      assertThat(error.get("line").asInt()).isEqualTo(12);
      assertThat(error.get("object").asText()).isEqualTo("HTTPRoute myns/lost");
      assertThat(error.get("problem").asText())
          .isEqualTo(
              "spec.rules[0].backendRefs[0].port: Invalid value: \"three\":"
                  + " spec.rules[0].backendRefs[0].port in body must be of type integer:"
                  + " \"string\"");

      Files.writeString(lost, LOST);
      await().atMost(Duration.ofSeconds(30)).until(() -> gatewire.get("/readyz").equals("ready\n"));
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                JsonNode recovered =
                    lineFrom(jsonLines(gatewire), "io.gatewire.config", "configuration reloaded");
                assertThat(recovered.get("level").asText()).isEqualTo("INFO");
                assertThat(recovered.get("failedLoads").asInt()).isPositive();
              });

      assertThat(gatewire.terminate()).isZero();
      jsonLines(gatewire);
    }
  }

  @Test
  void textLogs_haveATimestampAndLevelOnEveryLine_andMetricsHaveTheJvmAndBuild() throws Exception {
    try (GatewireProcess gatewire = serve("text", "--log-level", "info")) {
      String metrics = gatewire.get("/metrics");
      assertThat(metrics)
          .contains(
              "\njvm_memory_used_bytes{",
              "\njvm_gc_",
              "\njvm_threads_live_threads ",
              "\njvm_classes_loaded_classes ",
              "\nprocess_cpu_usage ",
              "\nsystem_cpu_count ",
              "\nprocess_files_open_files ",
              "\nprocess_uptime_seconds ",
              "\ngatewire_config_ready 1.0")
          .containsPattern(
              "\ngatewire_build_info\\{commit=\"([0-9a-f]{7,}(-dirty)?|unknown)\","
                  + "version=\"\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\"} 1");
      assertThat(gatewire.terminate()).isZero();
      String[] lines = gatewire.log().split("\n");
      assertThat(lines).isNotEmpty();
      for (String line : lines) {
        assertThat(line)
            .matches(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (ERROR|WARN |INFO |DEBUG|TRACE)"
                    + " \\[[^]]+] [\\w.$]+: .*");
      }
      assertThat(gatewire.log())
          .contains("INFO  [main] io.gatewire.serve: serving Gateways myns/eg over xDS on port ")
          // the first load runs beside serve's main thread (gatewire-start)
          .contains(
              "WARN  [gatewire-start] io.gatewire.status: HTTPRoute myns/lost: parentRef names"
                  + " Gateway myns/nosuch");
    }
  }
}
