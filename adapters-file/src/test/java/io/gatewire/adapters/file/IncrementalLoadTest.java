package io.gatewire.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.Service;
import io.gatewire.domain.port.ConfigurationSource.Watch;
import io.gatewire.domain.port.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A long-lived source reuses what did not change, and must give exactly what a new source reading
 * the same files gives: the same resources, the same warnings with the same {@code file:line}, the
 * same error for broken input.
 */
class IncrementalLoadTest {
  @TempDir Path dir;

  private static String service(String name, int port) {
    return "apiVersion: v1\nkind: Service\nmetadata:\n  name: "
        + name
        + "\n  namespace: apps\nspec:\n  ports:\n  - port: "
        + port
        + "\n";
  }

  private static Service named(GatewayResources resources, String name) {
    return resources.services().stream()
        .filter(s -> s.meta().name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void editingOneDocument_decodesOnlyThatDocument() throws Exception {
    Path file = dir.resolve("services.yaml");
    Files.writeString(file, service("a", 80) + "---\n" + service("b", 80));
    Files.writeString(dir.resolve("other.yaml"), service("c", 80));
    FileConfigurationSource source = new FileConfigurationSource(List.of(dir));
    GatewayResources first = source.load();

    Files.writeString(file, service("a", 80) + "---\n" + service("b", 8080));
    GatewayResources second = source.load();

    assertThat(named(second, "a")).isSameAs(named(first, "a"));
    assertThat(named(second, "c")).isSameAs(named(first, "c"));
    assertThat(named(second, "b")).isNotEqualTo(named(first, "b"));
    assertThat(named(second, "b").ports().get(0).port()).isEqualTo(8080);
  }

  @Test
  void aDocumentInsertedAbove_movesTheLinesOfThoseBelow() throws Exception {
    Path file = dir.resolve("mixed.yaml");
    String unknown = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n";
    Files.writeString(file, service("a", 80) + "---\n" + unknown + "---\n" + service("a", 81));
    FileConfigurationSource source = new FileConfigurationSource(List.of(dir));
    LoadResult first = source.loadWithWarnings();

    Files.writeString(
        file,
        service("z", 9)
            + "---\n"
            + service("a", 80)
            + "---\n"
            + unknown
            + "---\n"
            + service("a", 81));
    LoadResult second = source.loadWithWarnings();

    assertThat(first.warnings())
        .containsExactly(
            file + ":10: skipped unsupported kind example.com/v1 Widget w",
            file
                + ":14: Service apps/a replaces the one at "
                + file
                + ":1 (the last definition wins)");
    assertThat(second.warnings())
        .containsExactly(
            file + ":19: skipped unsupported kind example.com/v1 Widget w",
            file
                + ":23: Service apps/a replaces the one at "
                + file
                + ":10 (the last definition wins)")
        .isEqualTo(new FileConfigurationSource(List.of(dir)).loadWithWarnings().warnings());
  }

  @Test
  void manyDocumentsChangedAtOnce_keepTheRestDecoded_atTheirNewLines() throws Exception {
    Path file = dir.resolve("many.yaml");
    List<String> docs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      docs.add(
          i % 3 == 0
              ? "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w" + i + "}\n"
              : service("s" + i, 80));
    }
    Files.writeString(file, String.join("---\n", docs));
    FileConfigurationSource source = new FileConfigurationSource(List.of(dir));
    GatewayResources first = source.load();

    for (int i = 0; i < 12; i++) {
      docs.set(i, "# rewritten\n" + service("s" + i, 81));
    }
    Files.writeString(file, String.join("---\n", docs));
    LoadResult second = source.loadWithWarnings();

    assertThat(second).isEqualTo(new FileConfigurationSource(List.of(dir)).loadWithWarnings());
    assertThat(named(second.resources(), "s20")).isSameAs(named(first, "s20"));
    assertThat(named(second.resources(), "s1").ports().get(0).port()).isEqualTo(81);
  }

  @ParameterizedTest(name = "watching: {0}")
  @ValueSource(booleans = {false, true})
  void randomEdits_giveWhatANewSourceGives(boolean watching) throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      Path root = Files.createDirectories(dir.resolve("seed-" + seed + "-" + watching));
      new Edits(root, new SplittableRandom(seed)).run(watching, 60);
    }
  }

  /** One seeded sequence of edits under {@code root}, checked after each against a new source. */
  private static final class Edits {
    private final Path root;
    private final SplittableRandom random;
    private int names;

    Edits(Path root, SplittableRandom random) {
      this.root = root;
      this.random = random;
    }

    void run(boolean watching, int steps) throws Exception {
      FileConfigurationSource source = new FileConfigurationSource(List.of(root));
      Watch watch = watching ? source.watch(() -> {}) : () -> {};
      try {
        for (int step = 0; step < steps; step++) {
          edit();
          if (watching) {
            Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> Objects.equals(outcome(source), outcome(fresh())));
          } else {
            assertThat(outcome(source)).as("step %d", step).isEqualTo(outcome(fresh()));
          }
        }
      } finally {
        watch.close();
      }
    }

    private FileConfigurationSource fresh() {
      return new FileConfigurationSource(List.of(root));
    }

    /** What a load gives: the resources and warnings, or the error. */
    private static Object outcome(FileConfigurationSource source) {
      try {
        LoadResult result = source.loadWithWarnings();
        return List.of(result.resources(), result.warnings());
      } catch (SourceException e) {
        return e.getMessage();
      }
    }

    private void edit() throws IOException {
      List<Path> files = files();
      int kind = files.isEmpty() ? 0 : random.nextInt(7);
      switch (kind) {
        case 0 -> write(newFile(), documents(1 + random.nextInt(random.nextInt(4) == 0 ? 24 : 4)));
        case 1 -> {
          Path file = pick(files);
          if (file.toString().endsWith(".json")) {
            Files.delete(file);
          } else {
            List<String> docs = split(Files.readString(file));
            docs.add(random.nextInt(docs.size() + 1), document());
            write(file, docs);
          }
        }
        case 2 -> {
          Path file = pick(files);
          List<String> docs = split(Files.readString(file));
          if (docs.size() > 1 && !file.toString().endsWith(".json")) {
            docs.remove(random.nextInt(docs.size()));
            write(file, docs);
          } else {
            Files.delete(file);
          }
        }
        case 3 -> {
          Path file = pick(files);
          List<String> docs = split(Files.readString(file));
          if (file.toString().endsWith(".json")) {
            Files.delete(file);
          } else {
            docs.set(random.nextInt(docs.size()), document());
            write(file, docs);
          }
        }
        case 4 -> {
          Path file = pick(files);
          Files.move(
              file,
              newFile().resolveSibling("renamed-" + names++ + ".yaml"),
              StandardCopyOption.ATOMIC_MOVE);
        }
        case 5 -> {
          Path file = pick(files);
          if (!file.toString().endsWith(".json")) {
            List<String> docs = split(Files.readString(file));
            for (int i = 0; i < docs.size(); i++) {
              if (random.nextBoolean()) {
                docs.set(i, document());
              }
            }
            docs.add(random.nextInt(docs.size() + 1), document());
            write(file, docs);
          }
        }
        default -> {
          Path json = root.resolve("j-" + names++ + ".json");
          Files.writeString(
              json,
              "{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"s"
                  + random.nextInt(6)
                  + "\", \"namespace\": \"apps\"}, \"spec\": {\"ports\":"
                  + " [{\"port\": "
                  + (1 + random.nextInt(9))
                  + "}]}}\n");
        }
      }
    }

    private Path newFile() throws IOException {
      Path parent = random.nextInt(4) == 0 ? root.resolve("sub-" + random.nextInt(2)) : root;
      Files.createDirectories(parent);
      return parent.resolve("f-" + names++ + ".yaml");
    }

    private Path pick(List<Path> files) {
      return files.get(random.nextInt(files.size()));
    }

    private List<Path> files() throws IOException {
      try (Stream<Path> paths = Files.walk(root)) {
        return paths.filter(Files::isRegularFile).sorted().toList();
      }
    }

    private List<String> documents(int count) {
      List<String> docs = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        docs.add(document());
      }
      return docs;
    }

    private String document() {
      String name = "s" + random.nextInt(6);
      return switch (random.nextInt(7)) {
        case 0 -> "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: " + name + "}\n";
        case 1 -> "# only a comment\n";
        case 2 ->
            "apiVersion: v1\nkind: List\nitems:\n- "
                + service(name, 7).replace("\n", "\n  ").stripTrailing()
                + "\n";
        case 3 ->
            random.nextInt(4) == 0
                ? service(name, 1).replace("port: 1", "port: eighty")
                : service(name, 1 + random.nextInt(99));
        default -> service(name, 1 + random.nextInt(99));
      };
    }

    private static List<String> split(String text) {
      return new ArrayList<>(List.of(text.split("(?m)^---\\n", -1)));
    }

    /** Writes in place or, as editors save, beside the file and renamed over it. */
    private void write(Path file, List<String> docs) throws IOException {
      String text = String.join("---\n", docs);
      if (random.nextBoolean()) {
        Files.writeString(file, text);
      } else {
        Path temporary = file.resolveSibling(".save-" + file.getFileName());
        Files.writeString(temporary, text);
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
