package io.gatewire.adapters.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a watch looks at, decided from the paths when it starts. A directory PATH is a tree: it is
 * watched with every visible directory below it. Any other path (stdin aside) is a file whose
 * parent directory is watched, so the file is still seen when an editor replaces it by a rename, or
 * when it is created later. Paths are absolute and normalised, as are the event entries compared
 * with them.
 */
record WatchTargets(List<Path> trees, Set<Path> files) {
  WatchTargets {
    trees = List.copyOf(trees);
    files = Set.copyOf(files);
  }

  static WatchTargets of(List<Path> paths) {
    List<Path> trees = new ArrayList<>();
    Set<Path> files = new HashSet<>();
    for (Path path : paths) {
      if (!ManifestFiles.isStdin(path)) {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
          trees.add(absolute);
        } else {
          files.add(absolute);
        }
      }
    }
    return new WatchTargets(trees, files);
  }

  boolean isEmpty() {
    return trees.isEmpty() && files.isEmpty();
  }

  /**
   * Whether the listing of a tree reaches {@code entry}: it is below the top through no hidden
   * name.
   */
  boolean inTree(Path entry) {
    return trees.stream()
        .anyMatch(top -> entry.startsWith(top) && !ManifestFiles.isHidden(top.relativize(entry)));
  }

  /**
   * Whether {@code entry}, a file, is one that loads read: a named file, or a manifest in a tree.
   */
  boolean reads(Path entry) {
    return files.contains(entry) || (ManifestFiles.hasManifestExtension(entry) && inTree(entry));
  }
}
