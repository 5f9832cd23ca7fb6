package io.gatewire.bootstrap.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewire.bootstrap.build.BuildInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image tarball Jib writes during {@code package} (on a scratch base, since no registry is
 * reachable from the build; the published image uses the JRE base of the pom): the entrypoint runs
 * the command line's main class from the image's class path, as a non-root user, with the ports the
 * manifests use and the version and commit as labels.
 */
class ImageTarballIT {
  private static final Path TARBALL = Path.of("target/gatewire-image-test.tar");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, byte[]> FILES = new HashMap<>();
  private static final List<String> LAYER_ENTRIES = new ArrayList<>();

  @BeforeAll
  static void readTarball() throws IOException {
    assertThat(TARBALL).as("written by jib:buildTar in the package phase").exists();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(TARBALL))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        FILES.put(e.getName(), tar.readAllBytes());
      }
    }
    JsonNode manifest = JSON.readTree(FILES.get("manifest.json")).get(0);
    for (JsonNode layer : manifest.get("Layers")) {
      try (InputStream gz =
              new GzipCompressorInputStream(new ByteArrayInputStream(FILES.get(layer.asText())));
          TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
          LAYER_ENTRIES.add(e.getName());
          if (e.getName().equals("app/jib-classpath-file")) {
            FILES.put(e.getName(), tar.readAllBytes());
          }
        }
      }
    }
  }

  private static JsonNode config() throws IOException {
    String name = JSON.readTree(FILES.get("manifest.json")).get(0).get("Config").asText();
    return JSON.readTree(FILES.get(name)).get("config");
  }

  @Test
  void image_isTaggedWithTheVersion() throws IOException {
    assertThat(JSON.readTree(FILES.get("manifest.json")).get(0).get("RepoTags").get(0).asText())
        .isEqualTo("gatewire:" + BuildInfo.current().version());
  }

  @Test
  void entrypoint_runsTheCommandLine_fromTheImageClassPath() throws IOException {
    JsonNode config = config();
    assertThat(config.get("Entrypoint").toString())
        .isEqualTo(
            "[\"java\",\"-XX:MaxRAMPercentage=75\",\"-cp\",\"@/app/jib-classpath-file\","
                + "\"io.gatewire.bootstrap.cli.GatewireCommand\"]");
    assertThat(config.get("Cmd").toString()).isEqualTo("[\"serve\",\"--source=kubernetes\"]");
    assertThat(LAYER_ENTRIES)
        .contains(
            "app/classes/io/gatewire/bootstrap/cli/GatewireCommand.class",
            "app/resources/io/gatewire/bootstrap/build/build.properties");
    String classPath = new String(FILES.get("app/jib-classpath-file"), StandardCharsets.UTF_8);
    for (String entry : classPath.trim().split(":")) {
      String inImage = entry.startsWith("/") ? entry.substring(1) : entry;
      if (inImage.endsWith(".jar")) {
        assertThat(LAYER_ENTRIES).as("class path entry %s", entry).contains(inImage);
      }
    }
    assertThat(classPath).contains("/app/libs/picocli-", "/app/libs/gatewire-domain-");
  }

  @Test
  void runsAsANonRootUser_withThePortsAndLabels() throws IOException {
    JsonNode config = config();
    assertThat(config.get("User").asText()).isEqualTo("65532:65532");
    assertThat(config.get("ExposedPorts").has("18000/tcp")).isTrue();
    assertThat(config.get("ExposedPorts").has("19000/tcp")).isTrue();
    BuildInfo build = BuildInfo.current();
    JsonNode labels = config.get("Labels");
    assertThat(labels.get("org.opencontainers.image.version").asText()).isEqualTo(build.version());
    assertThat(labels.get("org.opencontainers.image.revision").asText())
        .isEqualTo(build.commit().replace("-dirty", ""));
  }
}
