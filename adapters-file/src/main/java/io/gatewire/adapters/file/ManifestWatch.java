package io.gatewire.adapters.file;

import io.gatewire.domain.port.ConfigurationSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Signals when the files a load reads may have changed, from a {@link WatchService} on the
 * directories of the {@link WatchTargets}, with one daemon thread. Events are read per directory,
 * and a batch that holds a relevant one gives one signal:
 *
 * <ul>
 *   <li>a file loads read was created, modified or deleted; a rename over it (an editor's safe
 *       save) is a creation;
 *   <li>an entry that is a directory, or a link to one, changed: a directory appeared in a tree (it
 *       is watched from then on, with the directories already in it), or a mounted ConfigMap
 *       swapped its {@code ..data} link under files that are links into it;
 *   <li>a watched directory went away, or events were lost (the trees are registered again).
 * </ul>
 *
 * <p>A touch or chmod is a modification too; the load finds the same bytes and does nothing more.
 *
 * <p>Before it signals, it tells {@link PendingChanges} what changed: the file, for a file event;
 * possibly anything, for the others (the next load lists everything again).
 */
final class ManifestWatch implements ConfigurationSource.Watch {
  private final WatchTargets targets;
  private final PendingChanges pending;
  private final Runnable changed;
  private final WatchService service;
  private final Map<WatchKey, Path> directories = new HashMap<>();
  private final Thread thread = new Thread(this::run, "gatewire-file-watch");
  private volatile boolean closed;

  private ManifestWatch(
      WatchTargets targets, PendingChanges pending, Runnable changed, WatchService service) {
    this.targets = targets;
    this.pending = pending;
    this.changed = changed;
    this.service = service;
    thread.setDaemon(true);
  }

  /**
   * Registers every directory of {@code targets} and starts the thread.
   *
   * @throws UncheckedIOException when a directory cannot be watched (the parent of a named file is
   *     missing, the system's limit of watches is reached)
   */
  static ManifestWatch start(WatchTargets targets, PendingChanges pending, Runnable changed) {
    ManifestWatch watch = new ManifestWatch(targets, pending, changed, newWatchService());
    try {
      for (Path tree : targets.trees()) {
        watch.registerTree(tree);
      }
      for (Path file : targets.files()) {
        watch.register(file.getParent());
      }
    } catch (IOException e) {
      watch.close();
      throw new UncheckedIOException("cannot watch the manifests: " + e, e);
    }
    watch.thread.start();
    return watch;
  }

  /** Stops the signals: when this returns, none is running and none will follow. */
  @Override
  public void close() {
    closed = true;
    try {
      service.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the manifest watch", e);
    } finally {
      awaitThread();
    }
  }

  private void run() {
    try {
      while (!closed) {
        WatchKey key = service.take();
        if (changedIn(key) && !closed) {
          changed.run();
        }
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      // close() ended the watch
    } catch (IOException e) {
      throw new UncheckedIOException("the manifest watch stopped: " + e, e);
    }
  }

  private boolean changedIn(WatchKey key) throws IOException {
    Path directory = directories.get(key);
    boolean relevant = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      relevant |= directory != null && isRelevant(directory, event);
    }
    if (!key.reset() && directories.remove(key) != null) {
      pending.everything();
      relevant = true;
    }
    return relevant;
  }

  private boolean isRelevant(Path directory, WatchEvent<?> event) throws IOException {
    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
      pending.everything();
      for (Path tree : targets.trees()) {
        registerAppeared(tree);
      }
      return true;
    }
    Path entry = directory.resolve((Path) event.context());
    if (Files.isDirectory(entry)) {
      pending.everything();
      if (targets.inTree(entry) && !Files.isSymbolicLink(entry)) {
        registerAppeared(entry);
      }
      return true;
    }
    if (forget(entry)) {
      pending.everything();
      return true;
    }
    if (targets.reads(entry)) {
      pending.file(entry);
      return true;
    }
    return false;
  }

  /**
   * Registers {@code top} and the visible directories below it; those that vanish meanwhile are
   * passed over.
   */
  private void registerTree(Path top) throws IOException {
    for (Path directory : VisibleTree.walk(top).directories()) {
      try {
        register(directory);
      } catch (NoSuchFileException e) {
        // removed since the walk found it: nothing to watch, and its removal is an event
      }
    }
  }

  /** Registers a tree found while watching, unless it is gone already. */
  private void registerAppeared(Path top) throws IOException {
    try {
      registerTree(top);
    } catch (NoSuchFileException e) {
      // removed since its event: its removal is an event of its own
    }
  }

  private void register(Path directory) throws IOException {
    WatchKey key =
        directory.register(
            service,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY);
    directories.put(key, directory);
  }

  /** Stops watching {@code entry} and the directories below it; whether it was watched. */
  private boolean forget(Path entry) {
    boolean watched = false;
    for (Iterator<Map.Entry<WatchKey, Path>> it = directories.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<WatchKey, Path> watchedDirectory = it.next();
      if (watchedDirectory.getValue().startsWith(entry)) {
        watchedDirectory.getKey().cancel();
        it.remove();
        watched = true;
      }
    }
    return watched;
  }

  private void awaitThread() {
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static WatchService newWatchService() {
    try {
      return FileSystems.getDefault().newWatchService();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch the manifests: " + e, e);
    }
  }
}
