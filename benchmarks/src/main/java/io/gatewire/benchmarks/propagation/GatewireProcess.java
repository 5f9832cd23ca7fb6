package io.gatewire.benchmarks.propagation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gatewire serve} as a process of its own, as a user runs it: {@code -f} on the workload's
 * directory, xDS, admin HTTP and Envoy's listeners on loopback ({@code --listener-address 127.0.0.1
 * --listener-port-offset N}), ports found from its startup line. Its CPU time and memory are its
 * own ({@link ProcessUsage}). Stopped by PID on {@link #close} (SIGTERM, SIGKILL after 15 s), by a
 * shutdown hook if the benchmark exits first, and by the kernel if the benchmark dies ({@code
 * setpriv --pdeathsig}, from a launcher thread that lives as long as the JVM).
 */
final class GatewireProcess implements AutoCloseable {
  private static final Pattern STARTED =
      Pattern.compile("over xDS on port (\\d+) .*admin HTTP on \\S*:(\\d+)");
  private static final Pattern BUILD_SUM =
      Pattern.compile("(?m)^gatewire_snapshot_build_seconds_sum(?:\\{[^}]*\\})? ([0-9.eE+-]+)$");
  private static final Pattern BUILD_COUNT =
      Pattern.compile("(?m)^gatewire_snapshot_build_seconds_count(?:\\{[^}]*\\})? ([0-9.eE+-]+)$");
  private static final Pattern TRANSLATIONS =
      Pattern.compile("(?m)^gatewire_config_translations_total(?:\\{[^}]*\\})? ([0-9.eE+-]+)$");
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
  private static final ExecutorService LAUNCHER =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "gatewire-launcher");
            thread.setDaemon(true);
            return thread;
          });

  private final Process process;
  private final Path log;
  private final Thread reaper;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private int xdsPort;
  private int adminPort;

  private GatewireProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.reaper = new Thread(process::destroyForcibly, "gatewire-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * Starts {@code launcher} (such as {@code java -jar gatewire.jar}) with {@code serve} and its
   * flags, and waits until it serves its first configuration.
   */
  static GatewireProcess start(
      List<String> launcher,
      Path input,
      int listenerPortOffset,
      List<String> extraFlags,
      Path log,
      Duration timeout) {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETPRIV)) {
      command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "TERM", "--"));
    }
    command.addAll(launcher);
    command.addAll(
        List.of(
            "serve",
            "-f",
            input.toString(),
            "--xds-port",
            "0",
            "--xds-address",
            "127.0.0.1",
            "--admin-port",
            "0",
            "--admin-address",
            "127.0.0.1",
            "--listener-address",
            "127.0.0.1",
            "--listener-port-offset",
            Integer.toString(listenerPortOffset)));
    command.addAll(extraFlags);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    GatewireProcess gatewire;
    try {
      gatewire = new GatewireProcess(LAUNCHER.submit(builder::start).get(), log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot start " + command + ": " + e.getCause(), e);
    }
    try {
      gatewire.awaitServing(timeout);
    } catch (RuntimeException e) {
      gatewire.close();
      throw e;
    }
    return gatewire;
  }

  long pid() {
    return process.pid();
  }

  int xdsPort() {
    return xdsPort;
  }

  ProcessUsage usage() {
    return ProcessUsage.of(pid());
  }

  /** Snapshot builds so far and the seconds they took, from {@code /metrics}. */
  record Builds(double count, double seconds, double translations) {
    Builds since(Builds earlier) {
      return new Builds(
          count - earlier.count, seconds - earlier.seconds, translations - earlier.translations);
    }
  }

  Builds builds() {
    String metrics = admin("/metrics");
    return new Builds(
        metric(BUILD_COUNT, metrics), metric(BUILD_SUM, metrics), metric(TRANSLATIONS, metrics));
  }

  private static double metric(Pattern pattern, String metrics) {
    Matcher matcher = pattern.matcher(metrics);
    double sum = 0;
    while (matcher.find()) {
      sum += Double.parseDouble(matcher.group(1));
    }
    return sum;
  }

  /** The last lines of its log, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void awaitServing(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Matcher started = STARTED.matcher(readLog());
      if (started.find()) {
        xdsPort = Integer.parseInt(started.group(1));
        adminPort = Integer.parseInt(started.group(2));
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "gatewire serve exited with " + process.exitValue() + ":\n" + tail());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "gatewire serve did not serve within " + timeout + ":\n" + tail());
      }
      sleep(50);
    }
  }

  private String readLog() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  String admin(String path) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
