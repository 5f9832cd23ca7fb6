package io.gatewire.domain.seam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cases of the domain seam, one folder each under {@code domain/src/test/resources/seam}: a
 * hand-written {@code input.yaml}, the records the manifest decoder makes of it ({@value
 * #RESOURCES}, written by the bootstrap module's tests), and the translator's {@value #IR} and
 * {@value #STATUS}. With {@code -Dgolden.update=true} the generated files are rewritten, otherwise
 * compared.
 */
public final class SeamCases {
  /** The folder, relative to the domain module. */
  public static final Path ROOT = Path.of("src/test/resources/seam");

  public static final String INPUT = "input.yaml";
  public static final String RESOURCES = "resources.json";
  public static final String IR = "ir.json";
  public static final String STATUS = "status.json";

  /**
   * Optional, written by hand: the {@code MetadataOptions} a case translates with (the command
   * line's metadata flags) instead of the defaults.
   */
  public static final String METADATA_OPTIONS = "metadata-options.json";

  public static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private SeamCases() {}

  /** The case folders under {@code root} that have an input, sorted by name. */
  public static List<Path> cases(Path root) {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.exists(d.resolve(INPUT))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compares {@code actual} with the golden file, or rewrites it in update mode. */
  public static void check(Path caseDir, String name, String actual) {
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

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
