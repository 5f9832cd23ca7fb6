package io.gatewire.testkit.envoy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Envoy started as a child process for one test: {@link #start} writes the bootstrap, runs
 * {@link EnvoyBinary} with {@code --concurrency 1}, a dynamic base id and the admin interface on a
 * free loopback port, and captures stdout (where test access logs go) and stderr in files. The
 * admin interface is read through {@link #ready}, {@link #configDump}, {@link #stats}, {@link
 * #clusters}; {@link #xds} counts what Envoy accepted and rejected per xDS type.
 *
 * <p>Envoy is stopped by its PID on {@link #close}, and by a JVM shutdown hook for any still
 * running. Where {@code setpriv} exists, Envoy also gets SIGTERM when the JVM dies without running
 * hooks: the kernel sends that when the thread that started the process ends, so every Envoy is
 * started from one thread that lives as long as the JVM (a process started from a short-lived
 * thread would be killed with it).
 */
public final class Envoy implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
  private static final Set<Envoy> RUNNING = ConcurrentHashMap.newKeySet();
  private static final ExecutorService LAUNCHER =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "envoy-launcher");
            thread.setDaemon(true);
            return thread;
          });

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> List.copyOf(RUNNING).forEach(Envoy::close), "envoy-reaper"));
  }

  private final Process process;
  private final Path dir;
  private final long startedNanos;
  private volatile int adminPort;
  private volatile long adminUpNanos;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();

  private Envoy(Process process, Path dir, long startedNanos) {
    this.process = process;
    this.dir = dir;
    this.startedNanos = startedNanos;
  }

  /** Starts Envoy at Envoy's {@code warning} log level. */
  public static Envoy start(EnvoyBootstrap bootstrap) {
    return start(bootstrap, "warning");
  }

  /**
   * Starts Envoy and waits until its admin interface listens (not until it is LIVE: {@link
   * #awaitLive}).
   */
  public static Envoy start(EnvoyBootstrap bootstrap, String logLevel) {
    return start(bootstrap, logLevel, List.of());
  }

  /**
   * Starts Envoy with more command-line arguments (such as {@code --component-log-level
   * config:debug}) and waits until its admin interface listens.
   */
  public static Envoy start(EnvoyBootstrap bootstrap, String logLevel, List<String> arguments) {
    return start(bootstrap.yaml(0), logLevel, arguments);
  }

  /** Starts Envoy with a bootstrap of the caller's own, as YAML. */
  static Envoy start(String bootstrapYaml, String logLevel, List<String> arguments) {
    Path binary = EnvoyBinary.path();
    try {
      Path base = Files.isDirectory(Path.of("target")) ? Path.of("target", "envoy") : null;
      Path dir =
          base == null
              ? Files.createTempDirectory("gatewire-envoy-")
              : Files.createTempDirectory(Files.createDirectories(base), "envoy-").toAbsolutePath();
      Path config = dir.resolve("bootstrap.yaml");
      Files.writeString(config, bootstrapYaml, StandardCharsets.UTF_8);
      Path adminAddress = dir.resolve("admin-address");
      List<String> command = new ArrayList<>();
      if (Files.isExecutable(SETPRIV)) {
        command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "TERM", "--"));
      }
      command.addAll(
          List.of(
              binary.toString(),
              "-c",
              config.toString(),
              "--concurrency",
              "1",
              "--use-dynamic-base-id",
              "--base-id-path",
              dir.resolve("base-id").toString(),
              "--admin-address-path",
              adminAddress.toString(),
              "--log-level",
              logLevel,
              "--drain-time-s",
              "1"));
      command.addAll(arguments);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(dir.resolve("stdout.log").toFile())
              .redirectError(dir.resolve("stderr.log").toFile());
      long started = System.nanoTime();
      Process process = LAUNCHER.submit(builder::start).get();
      Envoy envoy = new Envoy(process, dir, started);
      RUNNING.add(envoy);
      try {
        envoy.adminPort = envoy.awaitAdminPort(adminAddress);
        envoy.adminUpNanos = System.nanoTime();
      } catch (RuntimeException | IOException | InterruptedException e) {
        envoy.close();
        throw e;
      }
      return envoy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot start " + binary + ": " + e.getCause(), e);
    }
  }

  private int awaitAdminPort(Path adminAddress) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Envoy exited with " + process.exitValue() + " before it listened: " + stderr());
      }
      if (Files.isRegularFile(adminAddress)) {
        String address = Files.readString(adminAddress, StandardCharsets.UTF_8).trim();
        if (!address.isEmpty()) {
          return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        }
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(
        "Envoy's admin interface did not listen within " + START_TIMEOUT + ": " + stderr());
  }

  /** How long the process took from its start until its admin interface listened. */
  public Duration startup() {
    return Duration.ofNanos(adminUpNanos - startedNanos);
  }

  /** The process id (Envoy's own: {@code setpriv} execs it). */
  public long pid() {
    return process.pid();
  }

  public int adminPort() {
    return adminPort;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The directory holding the bootstrap, stdout.log and stderr.log. */
  public Path directory() {
    return dir;
  }

  /** True when {@code /ready} answers 200 (Envoy's server state is LIVE). */
  public boolean ready() {
    try {
      return get("/ready").statusCode() == 200;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  /**
   * Waits until Envoy is LIVE; returns how long that took from the moment its admin interface
   * listened, which is when Envoy starts connecting to the xDS server. Fails, with Envoy's server
   * state, when it is not LIVE within {@code timeout} of now.
   */
  public Duration awaitLive(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (ready()) {
        return Duration.ofNanos(System.nanoTime() - adminUpNanos);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Envoy exited with " + process.exitValue() + ": " + stderr());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Envoy was not LIVE within " + timeout + " (server state: " + serverState() + ")");
      }
      sleep(10);
    }
  }

  /**
   * Waits until Envoy is LIVE and its xDS counters and warming gauges stop moving (the same over
   * three reads 100 ms apart): every response sent so far has been applied.
   */
  public void awaitStable(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Long> last = null;
    int same = 0;
    while (same < 2) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Envoy's xDS stats did not settle within " + timeout);
      }
      Map<String, Long> now = new TreeMap<>(xdsStats());
      if (now.equals(last) && ready()) {
        same++;
      } else {
        same = 0;
      }
      last = now;
      sleep(100);
    }
  }

  private Map<String, Long> xdsStats() {
    Map<String, Long> stats = new TreeMap<>();
    stats()
        .forEach(
            (name, value) -> {
              if (name.contains(".update_") || name.contains("warming")) {
                stats.put(name, value);
              }
            });
    return stats;
  }

  /** {@code /server_info}'s state: LIVE, PRE_INITIALIZING, INITIALIZING or DRAINING. */
  public String serverState() {
    try {
      return json.readTree(get("/server_info").body()).path("state").asText();
    } catch (IOException | UncheckedIOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** {@code /config_dump?include_eds}. */
  public JsonNode configDump() {
    try {
      return json.readTree(admin("/config_dump?include_eds"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The entries of one config dump section, by its {@code @type} suffix ({@code
   * ListenersConfigDump}).
   */
  public JsonNode configDump(String dumpType) {
    for (JsonNode config : configDump().path("configs")) {
      if (config.path("@type").asText().endsWith("." + dumpType)) {
        return config;
      }
    }
    return json.createObjectNode();
  }

  /**
   * Every counter and gauge of {@code /stats}, by name (histograms left out; values above {@link
   * Long#MAX_VALUE}, the version hashes, wrap as {@link Long#parseUnsignedLong} reads them).
   */
  public SortedMap<String, Long> stats() {
    SortedMap<String, Long> stats = new TreeMap<>();
    for (String line : admin("/stats").split("\n")) {
      int colon = line.lastIndexOf(": ");
      if (colon < 0) {
        continue;
      }
      String value = line.substring(colon + 2).trim();
      if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
        // hashes such as *.version are unsigned 64-bit
        stats.put(line.substring(0, colon), Long.parseUnsignedLong(value));
      }
    }
    return stats;
  }

  /** The gauges whose names match {@code regex} (Envoy's {@code /stats} filter), by name. */
  public SortedMap<String, Long> gauges(String regex) {
    SortedMap<String, Long> gauges = new TreeMap<>();
    String text =
        admin("/stats?type=Gauges&filter=" + URLEncoder.encode(regex, StandardCharsets.UTF_8));
    for (String line : text.split("\n")) {
      int colon = line.lastIndexOf(": ");
      if (colon > 0) {
        gauges.put(line.substring(0, colon), Long.parseLong(line.substring(colon + 2).trim()));
      }
    }
    return gauges;
  }

  /** {@code /clusters}: every cluster's hosts with their health and stats, as text. */
  public String clusters() {
    return admin("/clusters");
  }

  /** What Envoy accepted and rejected per xDS type, from {@link #stats}. */
  public XdsCounts xds() {
    return XdsCounts.of(stats());
  }

  /** The names of dynamic listeners that are still warming. */
  public List<String> warmingListeners() {
    List<String> names = new ArrayList<>();
    for (JsonNode listener : configDump("ListenersConfigDump").path("dynamic_listeners")) {
      if (listener.has("warming_state")) {
        names.add(listener.path("name").asText());
      }
    }
    return names;
  }

  /**
   * The dynamic listeners Envoy failed to add or update, by name, with its reason (the config
   * dump's {@code error_state}).
   */
  public Map<String, String> listenerErrors() {
    Map<String, String> errors = new TreeMap<>();
    for (JsonNode listener : configDump("ListenersConfigDump").path("dynamic_listeners")) {
      if (listener.has("error_state")) {
        errors.put(
            listener.path("name").asText(), listener.path("error_state").path("details").asText());
      }
    }
    return errors;
  }

  /**
   * Waits until Envoy has at least one dynamic listener, none warming and none failed. Fails with
   * {@link PortTakenException} when one could not bind its port (another process took it after the
   * test chose it), at once rather than after the timeout; with {@link IllegalStateException} when
   * another failure is reported or the timeout passes.
   */
  public void awaitListenersBound(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode listeners = configDump("ListenersConfigDump").path("dynamic_listeners");
      boolean bound = !listeners.isEmpty();
      for (JsonNode listener : listeners) {
        String name = listener.path("name").asText();
        if (listener.has("error_state")) {
          String details = listener.path("error_state").path("details").asText();
          if (PortTakenException.isBindFailure(details)) {
            throw new PortTakenException(name, details);
          }
          throw new IllegalStateException("Envoy rejected listener " + name + ": " + details);
        }
        bound &= listener.has("active_state") && !listener.has("warming_state");
      }
      if (bound) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Envoy exited with " + process.exitValue() + ": " + stderr());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Envoy's listeners were not bound within " + timeout + ": " + listeners);
      }
      sleep(50);
    }
  }

  /** The names of dynamic clusters that are still warming. */
  public List<String> warmingClusters() {
    List<String> names = new ArrayList<>();
    for (JsonNode cluster : configDump("ClustersConfigDump").path("dynamic_warming_clusters")) {
      names.add(cluster.path("cluster").path("name").asText());
    }
    return names;
  }

  /** GET on the admin interface; fails unless it answers 200. */
  public String admin(String path) {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Envoy admin " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What Envoy wrote to stdout so far, line by line (stdout access logs go there). */
  public List<String> stdoutLines() {
    try (Stream<String> lines = Files.lines(dir.resolve("stdout.log"), StandardCharsets.UTF_8)) {
      return lines.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What Envoy wrote to stderr so far (its own log). */
  public String stderr() {
    try {
      return Files.readString(dir.resolve("stderr.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no stderr: " + e.getMessage() + ")";
    }
  }

  /** Sends SIGTERM to the PID, then SIGKILL if Envoy has not exited within 5 s. */
  @Override
  public void close() {
    RUNNING.remove(this);
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
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
