package io.gatewire.bootstrap.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/gatewire.jar ...} as a child process, with its admin endpoints at hand.
 */
final class GatewireProcess implements AutoCloseable {
  static final Path JAR = Path.of("target/gatewire.jar").toAbsolutePath();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final Path log;
  final int adminPort;

  private GatewireProcess(Process process, Path log, int adminPort) {
    this.process = process;
    this.log = log;
    this.adminPort = adminPort;
  }

  /** Starts {@code java -jar gatewire.jar ARGS} in {@code workDir}; output goes to {@code log}. */
  static GatewireProcess start(Path workDir, Path log, int adminPort, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
    command.addAll(args);
    Process p =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new GatewireProcess(p, log, adminPort);
  }

  /** {@code serve -f CONFIG} on the given ports. */
  static GatewireProcess serve(Path config, Path log, int xdsPort, int adminPort)
      throws IOException {
    return start(
        config.getParent(),
        log,
        adminPort,
        List.of(
            "serve",
            "-f",
            config.toString(),
            "--xds-port",
            Integer.toString(xdsPort),
            "--admin-port",
            Integer.toString(adminPort)));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  GatewireProcess awaitReady() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> get("/readyz").startsWith("ready"));
    return this;
  }

  String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.body();
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  /** Sends SIGTERM and returns the exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  /** Waits for a command that ends by itself and returns its exit code. */
  int terminateAfterExit() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
