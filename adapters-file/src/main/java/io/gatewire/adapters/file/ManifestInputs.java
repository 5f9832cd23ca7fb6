package io.gatewire.adapters.file;

import io.gatewire.domain.port.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the inputs of a load as they are now. Stdin is read once and then remembered, so every read
 * sees the same input. Files are read as the changes taken from the watch say: everything is listed
 * and read when anything may have changed, else only the files the watch reported are read again
 * (and the listing follows what appeared and went away), and every other file is handed on as it
 * was last read. A file that vanishes between the listing and the reading is treated as the next
 * listing would treat it: a file found in a directory is simply not there any more, and a file the
 * user named is missing.
 */
final class ManifestInputs {
  private final Set<Path> named;
  private final InputStream stdin;
  private final ManifestFile.Parsers parsers;
  private final ManifestListing listing;
  private Map<Path, InputFile> last = Map.of();
  private byte[] stdinBytes;

  ManifestInputs(List<Path> paths, InputStream stdin, InputLimits limits) {
    this.named =
        paths.stream()
            .filter(path -> !ManifestFiles.isStdin(path))
            .map(ManifestInputs::key)
            .collect(Collectors.toUnmodifiableSet());
    this.stdin = Objects.requireNonNull(stdin, "stdin");
    this.parsers = new ManifestFile.Parsers(limits);
    this.listing = new ManifestListing(paths);
  }

  ManifestFile.Parsers parsers() {
    return parsers;
  }

  /** Lists and reads every input. */
  List<InputFile> read() throws SourceException {
    return read(PendingChanges.Changes.EVERYTHING);
  }

  /** Reads what {@code changes} may have touched; hands on everything else as last read. */
  List<InputFile> read(PendingChanges.Changes changes) throws SourceException {
    if (changes.everything()) {
      return read(listing.listAll(), null);
    }
    Set<Path> touched = listing.apply(changes.files());
    return read(listing.files(), touched);
  }

  /** Reads {@code listed}, the result of a listing that may be out of date by now. */
  List<InputFile> read(List<Path> listed) throws SourceException {
    return read(listed, null);
  }

  /** Reads the files of {@code listed} that are {@code touched} or new; null reads all. */
  private List<InputFile> read(List<Path> listed, Set<Path> touched) throws SourceException {
    Map<Path, InputFile> read = new HashMap<>();
    List<InputFile> files = new ArrayList<>(listed.size());
    for (Path path : listed) {
      InputFile before = last.get(path);
      Optional<InputFile> file =
          before != null && touched != null && !touched.contains(path)
              ? Optional.of(before)
              : read(path);
      if (file.isPresent()) {
        files.add(file.get());
        read.put(path, file.get());
      }
    }
    last = read;
    return files;
  }

  private Optional<InputFile> read(Path path) throws SourceException {
    if (ManifestFiles.isStdin(path)) {
      return Optional.of(new InputFile(ManifestFile.STDIN_NAME, null, stdinBytes()));
    }
    Optional<byte[]> bytes = ManifestFiles.readBytes(path, parsers.limits());
    if (bytes.isEmpty() && named.contains(key(path))) {
      throw new SourceException(path.toString(), "no such file or directory");
    }
    return bytes.map(b -> new InputFile(path.toString(), path, b));
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
