package io.gatewire.bootstrap.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.port.ConfigurationSource;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serving from watched files: a good file replaced by an alias bomb or by too-deep nesting leaves
 * the last good configuration serving, and the state (what /readyz reports) names the file, line
 * and limit.
 */
class HostileFileEditTest {
  private static final Path QUICKSTART = Path.of("../docs/examples/quickstart.yaml");
  private static final String ALIAS_BOMB =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: lol, namespace: apps}
      data:
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
      """;

  @TempDir Path dir;

  /** Replaces the file as editors and ConfigMap updates do: a new file renamed over the old one. */
  private void save(Path file, String content) throws Exception {
    Path tmp = Files.writeString(dir.resolve(".tmp"), content);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void aHostileEdit_keepsTheLastGoodConfigurationServing_andTheStateNamesTheError()
      throws Exception {
    String good = Files.readString(QUICKSTART);
    Path file = dir.resolve("config").resolve("gateway.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, good);
    GatewireEmbeddingTest.RecordingSink sink = new GatewireEmbeddingTest.RecordingSink();
    Gatewire gatewire =
        Gatewire.builder()
            .source(
                new FileConfigurationSource(
                    List.of(file.getParent()), InputStream.nullInputStream()))
            .proxySink(sink)
            .debounce(Duration.ofMillis(20))
            .build();

    try (ConfigurationSource.Watch watch = gatewire.start()) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(sink.published).hasSize(1));
      Ir served = sink.published.get(0);

      save(file, ALIAS_BOMB);
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(gatewire.state().stale()).isTrue());
      assertThat(gatewire.state().lastError())
          .contains(file + ":6: YAML alias *a is not supported");

      save(
          file,
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: "
              + "[".repeat(500)
              + "]".repeat(500)
              + "\n");
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(gatewire.state().lastError())
                      .contains(file + ":4: objects and lists nest deeper than the limit"));
      assertThat(sink.published).containsExactly(served);
      assertThat(gatewire.state().hasConfiguration()).isTrue();

      save(file, good.replace("weight: 80", "weight: 60"));
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(gatewire.state().stale()).isFalse());
      assertThat(sink.published).hasSize(2);
    }
  }
}
