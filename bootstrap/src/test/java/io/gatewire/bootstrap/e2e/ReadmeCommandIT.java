package io.gatewire.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's build-and-run command (the part after the build: {@code java -jar ...}) exactly
 * as written, from the repository root, and checks the provenance metadata it serves.
 */
class ReadmeCommandIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path temp;

  static List<String> readmeRunCommand() throws Exception {
    String line =
        Files.readAllLines(REPO.resolve("README.md")).stream()
            .filter(l -> l.contains("java -jar bootstrap/target/gatewire.jar"))
            .findFirst()
            .orElseThrow();
    String run = line.substring(line.indexOf("java -jar")).trim();
    assertThat(run).doesNotContain("|", ";", "$(");
    return Arrays.asList(run.split("\\s+"));
  }

  @Test
  void readmeCommand_servesTheExampleWithItsMetadata_andStopsCleanlyOnSigterm() throws Exception {
    List<String> command = readmeRunCommand();
    assertThat(command.subList(0, 3))
        .containsExactly("java", "-jar", "bootstrap/target/gatewire.jar");
    assertThat(command).contains("serve");

    try (GatewireProcess gatewire =
        GatewireProcess.start(
            REPO, temp.resolve("readme.log"), 19000, command.subList(3, command.size()))) {
      gatewire.awaitReady();
      JsonNode dump = new ObjectMapper().readTree(gatewire.get("/config_dump"));

      JsonNode cluster = dump.at("/myns~1eg/clusters/0");
      assertThat(cluster.at("/name").asText()).isEqualTo("httproute/myns/myroute/rule/0");
      JsonNode origin = cluster.at("/metadata/filterMetadata/envoy-gateway/resources/0");
      assertThat(origin.at("/kind").asText()).isEqualTo("HTTPRoute");
      assertThat(origin.at("/groupVersion").asText()).isEqualTo("gateway.networking.k8s.io/v1");
      assertThat(origin.at("/sectionName").asText()).isEqualTo("shop");
      assertThat(origin.at("/annotations/foo").asText()).isEqualTo("bar");
      JsonNode locality = dump.at("/myns~1eg/endpoints/0/endpoints/1");
      assertThat(locality.at("/locality/region").asText())
          .isEqualTo("httproute/myns/myroute/rule/0/backend/1");
      assertThat(locality.at("/metadata/filterMetadata/envoy-gateway/resources/0/name").asText())
          .isEqualTo("svc-2");
      assertThat(gatewire.terminate()).as(gatewire.log()).isZero();
    }
  }

  @Test
  void jarTranslate_printsTheQuickstartWithMetadata() throws Exception {
    try (GatewireProcess gatewire =
        GatewireProcess.start(
            REPO,
            temp.resolve("translate.log"),
            0,
            List.of("translate", "-f", "docs/examples/quickstart.yaml", "-o", "json"))) {
      assertThat(gatewire.terminateAfterExit()).isZero();
      JsonNode doc = new ObjectMapper().readTree(gatewire.log());
      assertThat(
              doc.at(
                      "/routes/0/virtualHosts/0/metadata/filterMetadata/envoy-gateway/resources/0/sectionName")
                  .asText())
          .isEqualTo("http");
      assertThat(
              doc.at("/clusters/0/metadata/filterMetadata/envoy-gateway/resources/0/name").asText())
          .isEqualTo("myroute");
    }
  }

  @Test
  void jarRouteCheck_passesTheDocumentedQuickstartRequests() throws Exception {
    try (GatewireProcess gatewire =
        GatewireProcess.start(
            REPO,
            temp.resolve("route-check.log"),
            0,
            List.of(
                "route-check",
                "-f",
                "docs/examples/quickstart.yaml",
                "--requests",
                "docs/requests/quickstart.yaml"))) {
      assertThat(gatewire.terminateAfterExit()).isZero();
      assertThat(gatewire.log())
          .contains("PASS the shop splits 80/20 between its two Services")
          .containsPattern("\\d+ passed, 0 failed");
    }
  }
}
