package io.gatewire.adapters.file;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * What the listing of a directory PATH reaches: the directories below it and the manifest files in
 * them, leaving out hidden names (starting with a dot, such as the {@code ..data} copies Kubernetes
 * makes of a mounted ConfigMap). The top may be a link to a directory; below it, links to files are
 * read and links to directories are not followed. An entry that vanishes during the walk is passed
 * over, as the next listing would not have it. Paths start with the top as given; files are sorted.
 */
record VisibleTree(List<Path> directories, List<Path> files) {
  VisibleTree {
    directories = List.copyOf(directories);
    files = List.copyOf(files);
  }

  static VisibleTree walk(Path top) throws IOException {
    Path real = top.toRealPath();
    List<Path> directories = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        real,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
            Path relative = real.relativize(directory);
            if (ManifestFiles.isHidden(relative)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            directories.add(top.resolve(relative));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            Path relative = real.relativize(file);
            if (!ManifestFiles.isHidden(relative)
                && ManifestFiles.hasManifestExtension(file)
                && Files.isRegularFile(file)) {
              files.add(top.resolve(relative));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            return passOverVanished(e);
          }

          @Override
          public FileVisitResult postVisitDirectory(Path directory, IOException e)
              throws IOException {
            return e == null ? FileVisitResult.CONTINUE : passOverVanished(e);
          }
        });
    files.sort(null);
    return new VisibleTree(directories, files);
  }

  private static FileVisitResult passOverVanished(IOException e) throws IOException {
    if (e instanceof NoSuchFileException) {
      return FileVisitResult.CONTINUE;
    }
    throw e;
  }
}
