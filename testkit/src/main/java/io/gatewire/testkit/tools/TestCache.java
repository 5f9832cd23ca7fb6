package io.gatewire.testkit.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where slow-to-get test programs (Envoy, kube-apiserver, etcd) are kept between builds: {@code
 * $GATEWIRE_TEST_CACHE}, else {@code $XDG_CACHE_HOME/gatewire}, else {@code ~/.cache/gatewire};
 * never inside the repository. Concurrent builds (several JVMs, several checkouts) take a file lock
 * per entry, so one of them fills it and the others wait and reuse it.
 */
public final class TestCache {
  private TestCache() {}

  /** The cache's root directory, created if absent. */
  public static Path root() {
    String explicit = System.getenv("GATEWIRE_TEST_CACHE");
    Path root;
    if (explicit != null && !explicit.isBlank()) {
      root = Path.of(explicit);
    } else {
      String xdg = System.getenv("XDG_CACHE_HOME");
      Path base =
          xdg != null && !xdg.isBlank()
              ? Path.of(xdg)
              : Path.of(System.getProperty("user.home"), ".cache");
      root = base.resolve("gatewire");
    }
    try {
      return Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the test cache " + root, e);
    }
  }

  /** Fills one cache entry under an exclusive lock; returns what {@code fill} returns. */
  public static <T> T locked(String entry, IoSupplier<T> fill) {
    Path lockFile = root().resolve(entry + ".lock");
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      return fill.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A supplier that may fail with an {@link IOException}. */
  @FunctionalInterface
  public interface IoSupplier<T> {
    T get() throws IOException;
  }
}
