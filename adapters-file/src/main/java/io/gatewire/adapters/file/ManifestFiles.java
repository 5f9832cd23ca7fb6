package io.gatewire.adapters.file;

import io.gatewire.domain.port.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reading manifest files: which names a directory listing takes ({@code *.yaml}, {@code *.yml} and
 * {@code *.json}, no hidden names), the bytes of a file within the size limit, and its text.
 */
final class ManifestFiles {
  static final String STDIN = "-";
  private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

  private ManifestFiles() {}

  static boolean isStdin(Path path) {
    return STDIN.equals(path.toString());
  }

  /** The manifests below {@code directory}, sorted. */
  static List<Path> listDirectory(Path directory) throws SourceException {
    try {
      return VisibleTree.walk(directory).files();
    } catch (IOException e) {
      throw new SourceException(
          directory.toString(), "cannot list directory: " + e.getMessage(), e);
    }
  }

  /**
   * Whether a path below a directory PATH goes through a hidden name, which the listing leaves out.
   */
  static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  static boolean hasManifestExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  /**
   * The bytes of a listed file, or nothing when it vanished since the listing (an editor replacing
   * it, a directory being cleaned up).
   */
  static Optional<byte[]> readBytes(Path file, InputLimits limits) throws SourceException {
    try {
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) {
        throw tooLarge(file.toString(), size + " bytes", limits);
      }
      try (InputStream in = Files.newInputStream(file)) {
        return Optional.of(readAtMost(file.toString(), in, limits));
      }
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new SourceException(file.toString(), "cannot read: " + e, e);
    }
  }

  /**
   * The bytes of {@code in} (a file that may have grown since its size was checked, or stdin),
   * never more than the file size limit.
   */
  static byte[] readAtMost(String name, InputStream in, InputLimits limits)
      throws IOException, SourceException {
    byte[] bytes = in.readNBytes(limits.maxChars() + 1);
    if (bytes.length > limits.maxFileBytes()) {
      throw tooLarge(name, "more than " + limits.maxFileBytes() + " bytes", limits);
    }
    return bytes;
  }

  private static SourceException tooLarge(String name, String size, InputLimits limits) {
    return new SourceException(
        name,
        "input is "
            + size
            + ", over the limit of "
            + limits.maxFileBytes()
            + " bytes (--max-file-size)");
  }

  /**
   * The text of an input, which must be UTF-8 (stdin is taken as UTF-8 whatever it holds); {@code
   * *.json} files are JSON, all others YAML.
   */
  static ManifestFile text(InputFile input, ManifestFile.Parsers parsers) throws SourceException {
    if (input.isStdin()) {
      return new ManifestFile(
          input.name(), new String(input.bytes(), StandardCharsets.UTF_8), 0, false, parsers);
    }
    try {
      String text =
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(input.bytes())).toString();
      boolean json = input.name().toLowerCase(Locale.ROOT).endsWith(".json");
      return new ManifestFile(input.name(), text, 0, json, parsers);
    } catch (CharacterCodingException e) {
      throw new SourceException(input.name(), "cannot read: not UTF-8 text", e);
    }
  }
}
