package io.gatewire.testkit.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.testkit.tools.RepoRoot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A fresh clone has nothing beside it: no file of the repository (code, tests, scripts, docs) may
 * name a folder next to the checkout or notes that only exist outside it. What users need lives in
 * {@code docs/}.
 */
class RepositoryStandsAloneTest {
  /** Built from pieces so that this file does not name them itself. */
  private static final List<String> OUTSIDE =
      List.of(
          ".." + "/shared",
          "shared" + "/design",
          "shared" + "/conformance",
          "METADATA" + ".md",
          "PERFORMANCE" + ".md",
          "ARCHITECTURE" + ".md",
          "FACTS" + ".md",
          "STYLE" + ".md");

  private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules");

  @Test
  void noFileOfTheRepository_namesAnythingOutsideIt() throws IOException {
    Path root = RepoRoot.find();
    List<String> found = new ArrayList<>();
    List<Path> files = files(root);
    for (Path file : files) {
      String text = text(file);
      if (text == null) {
        continue;
      }
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        for (String name : OUTSIDE) {
          if (lines[i].contains(name)) {
            found.add(root.relativize(file) + ":" + (i + 1) + " names " + name);
          }
        }
      }
    }
    assertThat(files).as("files scanned").hasSizeGreaterThan(100);
    assertThat(found).as("references to files outside the repository").isEmpty();
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> !skipped(root.relativize(f)))
          .sorted()
          .toList();
    }
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      if (SKIPPED_DIRECTORIES.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  /** The file as UTF-8 text, or null for a binary file. */
  private static String text(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
