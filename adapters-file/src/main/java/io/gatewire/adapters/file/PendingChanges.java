package io.gatewire.adapters.file;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * What may have changed on disk since the last load, as the watch saw it: some files (absolute,
 * normalised paths), or possibly anything (before the first load, after events were lost, a
 * directory appeared or went away, a failed load). Shared between the watch's thread, which adds,
 * and the loads, which take.
 */
final class PendingChanges {
  /** Changes taken for one load. */
  record Changes(boolean everything, Set<Path> files) {
    static final Changes EVERYTHING = new Changes(true, Set.of());

    Changes {
      files = Set.copyOf(files);
    }
  }

  private boolean everything = true;
  private final Set<Path> files = new HashSet<>();

  synchronized void file(Path absolute) {
    if (!everything) {
      files.add(absolute);
    }
  }

  synchronized void everything() {
    everything = true;
    files.clear();
  }

  /** What changed since the last take; forgets it. */
  synchronized Changes take() {
    Changes changes = everything ? Changes.EVERYTHING : new Changes(false, files);
    everything = false;
    files.clear();
    return changes;
  }
}
