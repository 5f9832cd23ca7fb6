package io.gatewire.adapters.file;

import io.gatewire.domain.port.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files the paths name, in reading order: the paths in the order given, a directory's files as
 * {@link VisibleTree} lists them (sorted), each file once. Kept from one load to the next, so that
 * after the first listing a load looks only at the entries the watch reported: a manifest that
 * appeared in a directory joins it at its sorted place, one that went away leaves it. When anything
 * may have changed, {@link #listAll} lists everything again.
 */
final class ManifestListing {
  private final List<Path> paths;
  private final boolean overlapping;
  private final List<Tree> trees = new ArrayList<>();
  private final List<List<Path>> listed = new ArrayList<>();

  /** A directory PATH and the files found below it, named as the listing names them. */
  private record Tree(Path given, Path absolute, TreeSet<Path> files) {}

  ManifestListing(List<Path> paths) {
    this.paths = List.copyOf(paths);
    this.overlapping = overlapping(this.paths);
  }

  /** Lists every path again. */
  List<Path> listAll() throws SourceException {
    trees.clear();
    listed.clear();
    for (Path path : paths) {
      if (!ManifestFiles.isStdin(path) && Files.isDirectory(path)) {
        Tree tree =
            new Tree(path, absolute(path), new TreeSet<>(ManifestFiles.listDirectory(path)));
        trees.add(tree);
        listed.add(null);
      } else if (ManifestFiles.isStdin(path) || Files.isRegularFile(path)) {
        listed.add(List.of(path));
      } else {
        throw new SourceException(path.toString(), "no such file or directory");
      }
    }
    return files();
  }

  /**
   * Takes in the entries the watch reported (absolute, normalised paths); returns the files of the
   * listing they name.
   */
  Set<Path> apply(Set<Path> entries) {
    Set<Path> touched = new HashSet<>();
    for (Path entry : entries) {
      for (Tree tree : trees) {
        if (!entry.startsWith(tree.absolute()) || entry.equals(tree.absolute())) {
          continue;
        }
        Path relative = tree.absolute().relativize(entry);
        if (ManifestFiles.isHidden(relative) || !ManifestFiles.hasManifestExtension(entry)) {
          continue;
        }
        Path file = tree.given().resolve(relative);
        if (Files.isRegularFile(entry)) {
          tree.files().add(file);
        } else {
          tree.files().remove(file);
        }
        touched.add(file);
      }
      for (Path path : paths) {
        if (!ManifestFiles.isStdin(path) && absolute(path).equals(entry)) {
          touched.add(path);
        }
      }
    }
    return touched;
  }

  /** The files of the last listing, with what {@link #apply} took in since. */
  List<Path> files() {
    List<Path> files = new ArrayList<>();
    Set<Path> seen = overlapping ? new HashSet<>() : null;
    int tree = 0;
    for (List<Path> named : listed) {
      Iterable<Path> these = named == null ? trees.get(tree++).files() : named;
      for (Path file : these) {
        if (seen == null || seen.add(ManifestFiles.isStdin(file) ? file : absolute(file))) {
          files.add(file);
        }
      }
    }
    return files;
  }

  /**
   * Whether one path could list a file another also lists (the same path twice, or one below
   * another), so that files must be told apart by their absolute path as the listing goes.
   */
  private static boolean overlapping(List<Path> paths) {
    List<Path> absolute =
        paths.stream().map(p -> ManifestFiles.isStdin(p) ? p : absolute(p)).toList();
    for (int i = 0; i < absolute.size(); i++) {
      for (int j = 0; j < absolute.size(); j++) {
        if (i != j && absolute.get(i).startsWith(absolute.get(j))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
