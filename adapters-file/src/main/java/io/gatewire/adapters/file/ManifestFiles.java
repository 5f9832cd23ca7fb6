package io.gatewire.adapters.file;

import io.gatewire.domain.port.SourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the paths a user gave into the files to read. A file is read whatever its name; a directory
 * gives every {@code *.yaml}, {@code *.yml} and {@code *.json} below it in sorted order, leaving out
 * hidden entries (names starting with a dot, such as the {@code ..data} copies Kubernetes makes of a
 * mounted ConfigMap). A file named twice is read once.
 */
final class ManifestFiles {
  static final String STDIN = "-";
  private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

  private ManifestFiles() {}

  static boolean isStdin(Path path) {
    return STDIN.equals(path.toString());
  }

  static List<Path> expand(List<Path> paths) throws SourceException {
    Set<Path> seen = new HashSet<>();
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : expand(path)) {
        if (seen.add(isStdin(file) ? file : file.toAbsolutePath().normalize())) {
          files.add(file);
        }
      }
    }
    return files;
  }

  private static List<Path> expand(Path path) throws SourceException {
    if (isStdin(path) || Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (Files.isDirectory(path)) {
      return walk(path);
    }
    throw new SourceException(path.toString(), "no such file or directory");
  }

  private static List<Path> walk(Path directory) throws SourceException {
    try (Stream<Path> entries = Files.walk(directory)) {
      return entries
          .filter(entry -> !isHidden(directory.relativize(entry)))
          .filter(Files::isRegularFile)
          .filter(ManifestFiles::hasManifestExtension)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException | UncheckedIOException e) {
      throw new SourceException(directory.toString(), "cannot list directory: " + e.getMessage(), e);
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasManifestExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  static ManifestFile read(Path file) throws SourceException {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
      return new ManifestFile(file.toString(), text, json);
    } catch (CharacterCodingException e) {
      throw new SourceException(file.toString(), "cannot read: not UTF-8 text", e);
    } catch (IOException e) {
      throw new SourceException(file.toString(), "cannot read: " + e, e);
    }
  }
}
