package io.gatewire.adapters.file;

import io.gatewire.adapters.k8s.decode.ManifestDecoder;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads Gateway API objects and the objects they refer to from manifest files. Each path is a file,
 * a directory (every {@code *.yaml}, {@code *.yml} and {@code *.json} below it, sorted) or {@code -}
 * for stdin (read once, then remembered, so every load sees the same input). Files may hold many
 * documents and {@code List} kinds.
 *
 * <p>{@link #load()} gives the resources; {@link #loadWithWarnings()} also gives the warnings
 * (unsupported kinds skipped, duplicate objects replaced). Input that cannot be read or is not a
 * valid object is a {@link SourceException} whose location is {@code file:line}.
 */
public final class FileConfigurationSource implements ConfigurationSource {
  private final List<Path> paths;
  private final InputStream stdin;
  private final ManifestDecoder decoder = new ManifestDecoder();
  private final DocumentReader reader = new DocumentReader();
  private String stdinText;

  /** A source over {@code paths} whose {@code -} reads {@link System#in}. */
  public FileConfigurationSource(List<Path> paths) {
    this(paths, System.in);
  }

  /** A source over {@code paths} whose {@code -} reads {@code stdin}. */
  public FileConfigurationSource(List<Path> paths, InputStream stdin) {
    this.paths = List.copyOf(paths);
    this.stdin = Objects.requireNonNull(stdin, "stdin");
  }

  @Override
  public GatewayResources load() throws SourceException {
    return loadWithWarnings().resources();
  }

  /** Reads every path once, in order; a later definition of the same object replaces an earlier one. */
  public LoadResult loadWithWarnings() throws SourceException {
    ObjectCollector collector = new ObjectCollector();
    for (Path path : ManifestFiles.expand(paths)) {
      ManifestFile file = ManifestFiles.isStdin(path) ? stdinFile() : ManifestFiles.read(path);
      for (ManifestDocument document : reader.read(file)) {
        collector.add(decoder.decode(document.node(), document.location()));
      }
    }
    return collector.result();
  }

  private synchronized ManifestFile stdinFile() throws SourceException {
    if (stdinText == null) {
      try {
        stdinText = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new SourceException(ManifestFile.STDIN_NAME, "cannot read: " + e.getMessage(), e);
      }
    }
    return new ManifestFile(ManifestFile.STDIN_NAME, stdinText, false);
  }
}
