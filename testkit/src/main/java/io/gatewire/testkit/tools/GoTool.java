package io.gatewire.testkit.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A program built with the Go toolchain from a module kept in {@code testkit/go/<module>} (its
 * {@code go.mod}, {@code go.sum} and sources pin every version). The binary is cached under {@link
 * TestCache} by a hash of the module's files, the package, the linker flags and the Go version, so
 * it is built once per machine and rebuilt only when one of those changes.
 *
 * @param module the directory under {@code testkit/go}
 * @param goPackage the package to build, relative to the module ({@code ./cmd/etcd})
 * @param name the binary's file name
 * @param ldflags linker flags ({@code -X pkg.var=value}), part of the cache key
 */
public record GoTool(String module, String goPackage, String name, List<String> ldflags) {
  /** The one line a test fails with when Go is missing. */
  public static final String INSTALL_GO =
      "Go is needed to build the test tools (kube-apiserver, etcd): install Go 1.24 or newer"
          + " (apt-get install golang-go, or https://go.dev/dl) and put `go` on the PATH";

  /** How long a cold build may take (kube-apiserver takes about 4 minutes on 2 cores). */
  private static final long BUILD_MINUTES = 30;

  public GoTool {
    ldflags = List.copyOf(ldflags);
  }

  /**
   * The binary, built first if the cache does not hold this exact build. Fails with one line saying
   * what to install when Go is missing, and with Go's output when the build fails.
   */
  public Path binary() {
    Path moduleDir = RepoRoot.find().resolve("testkit/go").resolve(module);
    String goVersion = goVersion();
    String key = key(moduleDir, goVersion);
    String entry = "go-" + name + "-" + key;
    return TestCache.locked(
        entry,
        () -> {
          Path binary = TestCache.root().resolve(entry).resolve(name);
          if (Files.isExecutable(binary)) {
            return binary;
          }
          Files.createDirectories(binary.getParent());
          Path partial = binary.resolveSibling(name + ".partial");
          // -buildvcs=false: the module sits in the Gatewire checkout, whose VCS state is not
          // the tool's version and may not be readable (a copy, a tarball).
          List<String> command =
              new ArrayList<>(List.of("go", "build", "-trimpath", "-buildvcs=false"));
          if (!ldflags.isEmpty()) {
            command.add("-ldflags=" + String.join(" ", ldflags));
          }
          command.addAll(List.of("-o", partial.toString(), goPackage));
          Path log = binary.resolveSibling("build.log");
          ProcessBuilder build =
              new ProcessBuilder(command)
                  .directory(moduleDir.toFile())
                  .redirectErrorStream(true)
                  .redirectOutput(log.toFile());
          build.environment().put("CGO_ENABLED", "0");
          run(build, log, "go build " + goPackage + " in " + moduleDir);
          Files.move(partial, binary, StandardCopyOption.ATOMIC_MOVE);
          return binary;
        });
  }

  private String key(Path moduleDir, String goVersion) {
    try (Stream<Path> files = Files.walk(moduleDir)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path file :
          files
              .filter(Files::isRegularFile)
              .filter(
                  f -> f.toString().endsWith(".go") || f.getFileName().toString().startsWith("go."))
              .sorted()
              .toList()) {
        digest.update(moduleDir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(file));
      }
      digest.update(
          (goPackage + "\n" + ldflags + "\n" + goVersion).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String goVersion() {
    try {
      Process process =
          new ProcessBuilder("go", "env", "GOVERSION").redirectErrorStream(true).start();
      String out =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (process.waitFor() != 0) {
        throw new IllegalStateException("`go env GOVERSION` failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(INSTALL_GO, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void run(ProcessBuilder builder, Path log, String what) throws IOException {
    Process process = builder.start();
    try {
      if (!process.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(what + ": no result after " + BUILD_MINUTES + " minutes");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + ": interrupted", e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          what + " failed (see " + log + "):\n" + Files.readString(log));
    }
  }
}
