package io.gatewire.adapters.file;

import io.gatewire.adapters.k8s.decode.ManifestDecoder;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.SourceException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Gateway API objects and the objects they refer to from manifest files. Each path is a file,
 * a directory (every {@code *.yaml}, {@code *.yml} and {@code *.json} below it, sorted) or {@code
 * -} for stdin (read once, then remembered, so every load sees the same input). Files may hold many
 * documents and {@code List} kinds.
 *
 * <p>{@link #load()} gives the resources; {@link #loadWithWarnings()} also gives the warnings
 * (unsupported kinds skipped, duplicate objects replaced). Input that cannot be read or is not a
 * valid object is a {@link SourceException} whose location is {@code file:line}. A load whose input
 * bytes are those of the last successful load returns that load's result without parsing, so a
 * touched file or a save of the same content costs one read.
 *
 * <p>{@link #watch(Runnable)} signals changes to the files and directories (never stdin); see
 * {@link ManifestWatch}.
 *
 * <p>What one load may read is bounded by {@link InputLimits}: an input over the limits is a {@link
 * SourceException} like any other broken input.
 */
public final class FileConfigurationSource implements ConfigurationSource {
  private final List<Path> paths;
  private final ManifestInputs inputs;
  private final ManifestDecoder decoder = ManifestDecoder.withApiServerChecks();
  private final DocumentReader reader = new DocumentReader();
  private volatile LastLoad last;

  /** A source over {@code paths} whose {@code -} reads {@link System#in}. */
  public FileConfigurationSource(List<Path> paths) {
    this(paths, System.in);
  }

  /** A source over {@code paths} whose {@code -} reads {@code stdin}. */
  public FileConfigurationSource(List<Path> paths, InputStream stdin) {
    this(paths, stdin, InputLimits.DEFAULTS);
  }

  /** A source over {@code paths} whose {@code -} reads {@code stdin}, within {@code limits}. */
  public FileConfigurationSource(List<Path> paths, InputStream stdin, InputLimits limits) {
    this.paths = List.copyOf(paths);
    this.inputs = new ManifestInputs(this.paths, stdin, limits);
  }

  @Override
  public GatewayResources load() throws SourceException {
    return loadWithWarnings().resources();
  }

  /**
   * Reads every path once, in order; a later definition of the same object replaces an earlier one.
   * Unchanged input gives the very same result as the last successful load; a failed load leaves
   * that result as it was.
   */
  public LoadResult loadWithWarnings() throws SourceException {
    ManifestInputs.Snapshot snapshot = inputs.read();
    LastLoad previous = last;
    if (previous != null && previous.hash().equals(snapshot.hash())) {
      return previous.result();
    }
    LoadResult result = parse(snapshot.files());
    last = new LastLoad(snapshot.hash(), result);
    return result;
  }

  @Override
  public Watch watch(Runnable changed) {
    WatchTargets targets = WatchTargets.of(paths);
    return targets.isEmpty() ? () -> {} : ManifestWatch.start(targets, changed);
  }

  private LoadResult parse(List<ManifestFile> files) throws SourceException {
    ObjectCollector collector = new ObjectCollector();
    for (ManifestFile file : files) {
      for (ManifestDocument document : reader.read(file)) {
        collector.add(decoder.decode(document.node(), document.location()));
      }
    }
    return collector.result();
  }

  /** The content hash of the last successful load and what it gave. */
  private record LastLoad(String hash, LoadResult result) {}
}
