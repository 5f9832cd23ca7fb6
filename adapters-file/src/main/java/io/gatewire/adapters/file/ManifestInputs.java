package io.gatewire.adapters.file;

import io.gatewire.domain.port.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the inputs of a load as they are now, with their {@link ContentHash}, so a load can tell an
 * unchanged state before parsing anything. Stdin is read once and then remembered, so every read
 * sees the same input. A file that vanishes between the listing and the reading is treated as the
 * next listing would treat it: a file found in a directory is simply not there any more, and a file
 * the user named is missing.
 */
final class ManifestInputs {
  private final List<Path> paths;
  private final Set<Path> named;
  private final InputStream stdin;
  private final ManifestFile.Parsers parsers;
  private byte[] stdinBytes;

  ManifestInputs(List<Path> paths, InputStream stdin, InputLimits limits) {
    this.paths = List.copyOf(paths);
    this.named =
        this.paths.stream()
            .filter(path -> !ManifestFiles.isStdin(path))
            .map(ManifestInputs::key)
            .collect(Collectors.toUnmodifiableSet());
    this.stdin = Objects.requireNonNull(stdin, "stdin");
    this.parsers = new ManifestFile.Parsers(limits);
  }

  /** The files of every input in reading order and their content hash. */
  record Snapshot(List<ManifestFile> files, String hash) {
    Snapshot {
      files = List.copyOf(files);
      Objects.requireNonNull(hash, "hash");
    }
  }

  Snapshot read() throws SourceException {
    return read(ManifestFiles.expand(paths));
  }

  /** Reads {@code listed}, the result of a listing that may be out of date by now. */
  Snapshot read(List<Path> listed) throws SourceException {
    ContentHash hash = new ContentHash();
    List<ManifestFile> files = new ArrayList<>();
    for (Path path : listed) {
      if (ManifestFiles.isStdin(path)) {
        byte[] bytes = stdinBytes();
        hash.add(ManifestFile.STDIN_NAME, bytes);
        files.add(
            new ManifestFile(
                ManifestFile.STDIN_NAME,
                new String(bytes, StandardCharsets.UTF_8),
                false,
                parsers));
      } else {
        Optional<byte[]> bytes = readFile(path);
        if (bytes.isPresent()) {
          hash.add(path.toString(), bytes.get());
          files.add(ManifestFiles.decode(path, bytes.get(), parsers));
        }
      }
    }
    return new Snapshot(files, hash.value());
  }

  private Optional<byte[]> readFile(Path file) throws SourceException {
    Optional<byte[]> bytes = ManifestFiles.readBytes(file, parsers.limits());
    if (bytes.isEmpty() && named.contains(key(file))) {
      throw new SourceException(file.toString(), "no such file or directory");
    }
    return bytes;
  }

  private synchronized byte[] stdinBytes() throws SourceException {
    if (stdinBytes == null) {
      try {
        stdinBytes = ManifestFiles.readAtMost(ManifestFile.STDIN_NAME, stdin, parsers.limits());
      } catch (IOException e) {
        throw new SourceException(ManifestFile.STDIN_NAME, "cannot read: " + e.getMessage(), e);
      }
    }
    return stdinBytes;
  }

  private static Path key(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
