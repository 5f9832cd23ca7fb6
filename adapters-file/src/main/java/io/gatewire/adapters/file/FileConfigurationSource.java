package io.gatewire.adapters.file;

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
 * valid object is a {@link SourceException} whose location is {@code file:line}.
 *
 * <p>A load does only the work its change needs ({@link DecodedFiles}): a load whose input bytes
 * are those of the last successful load returns that load's result as it was, so a touched file or
 * a save of the same content costs a read at most; an unchanged file, and each unchanged document
 * of a changed file, is not parsed or decoded again. While {@link #watch} runs, a load reads only
 * the files the watch reported since the last load (and lists again only when a directory came or
 * went, or events were lost).
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
  private final DecodedFiles decoded;
  private final PendingChanges pending = new PendingChanges();
  private int watches;
  private LoadResult last;

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
    this.decoded = new DecodedFiles(inputs.parsers());
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
  public synchronized LoadResult loadWithWarnings() throws SourceException {
    PendingChanges.Changes changes =
        watches > 0 ? pending.take() : PendingChanges.Changes.EVERYTHING;
    DecodedFiles.Result result;
    try {
      result = decoded.decode(inputs.read(changes));
    } catch (SourceException | RuntimeException e) {
      pending.everything();
      throw e;
    }
    if (result.unchanged() && last != null) {
      return last;
    }
    ObjectCollector collector = new ObjectCollector();
    result.documents().forEach(collector::add);
    last = collector.result();
    return last;
  }

  @Override
  public Watch watch(Runnable changed) {
    WatchTargets targets = WatchTargets.of(paths);
    if (targets.isEmpty()) {
      return () -> {};
    }
    ManifestWatch watch = ManifestWatch.start(targets, pending, changed);
    synchronized (this) {
      watches++;
    }
    return () -> {
      watch.close();
      synchronized (this) {
        watches--;
      }
    };
  }
}
