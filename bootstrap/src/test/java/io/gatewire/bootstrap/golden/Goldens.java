package io.gatewire.bootstrap.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The golden directory: one folder per case with a hand-written {@code input.yaml}. With {@code
 * -Dgolden.update=true} goldens are rewritten and orphans deleted; otherwise they are compared.
 */
final class Goldens {
  static final Path ROOT = Path.of("src/test/resources/golden");
  static final String INPUT = "input.yaml";

  /** Hand-written, optional: extra {@code translate} flags of the case, one per line. */
  static final String FLAGS = "flags.txt";

  static final Set<String> GENERATED = Set.of("ir.yaml", "status.yaml", "xds.yaml", "warnings.txt");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private Goldens() {}

  static List<Path> cases() {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      List<Path> all = dirs.filter(Files::isDirectory).sorted().toList();
      if (UPDATE) {
        deleteOrphans(all);
      }
      return all.stream().filter(d -> Files.exists(d.resolve(INPUT))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compares {@code actual} with the golden file, or rewrites it in update mode. */
  static void check(Path caseDir, String name, String actual) {
    Path golden = caseDir.resolve(name);
    try {
      if (UPDATE) {
        Files.writeString(golden, actual);
        return;
      }
      assertThat(golden)
          .as("golden %s (run with -Dgolden.update=true to create it)", golden)
          .exists();
      assertThat(actual)
          .as("%s differs from its golden", golden)
          .isEqualTo(Files.readString(golden));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteOrphans(List<Path> dirs) throws IOException {
    for (Path dir : dirs) {
      boolean hasInput = Files.exists(dir.resolve(INPUT));
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          String name = f.getFileName().toString();
          boolean keep =
              hasInput
                  && (f.equals(dir)
                      || name.equals(INPUT)
                      || name.equals(FLAGS)
                      || GENERATED.contains(name));
          if (!keep) {
            Files.delete(f);
          }
        }
      }
    }
  }
}
