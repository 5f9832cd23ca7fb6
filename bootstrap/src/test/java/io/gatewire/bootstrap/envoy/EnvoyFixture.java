package io.gatewire.bootstrap.envoy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gatewire.bootstrap.cli.InProcessServe;
import io.gatewire.testkit.envoy.Envoy;
import io.gatewire.testkit.envoy.EnvoyBootstrap;
import io.gatewire.testkit.envoy.ListenerPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Gatewire's {@code serve} in this JVM, reading a test's manifests from a file it watches, with
 * real Envoys pointed at it: the xDS port, admin HTTP and every Envoy listener on loopback and free
 * ports. Envoy binds each Gateway port plus one offset ({@code serve --listener-address 127.0.0.1
 * --listener-port-offset N}, N chosen so that every port of the input is free), so inputs keep
 * their usual ports (80, 443, 8080) and names. {@link #edit} rewrites the input, as a user saving
 * the file does. {@link #serveCluster} serves a Kubernetes API server's objects instead. Closing
 * stops every Envoy, then {@code serve}.
 *
 * <p>All Envoys of one fixture bind the same listener ports (Envoy binds with {@code SO_REUSEPORT}
 * by default, so they may run at once): a test that sends traffic should run one Envoy per Gateway
 * port at a time, or the kernel spreads its connections over them.
 */
public final class EnvoyFixture implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern TRANSLATIONS =
      Pattern.compile("(?m)^gatewire_config_translations_total(?:\\{[^}]*\\})? ([0-9.eE+]+)$");
  private static final Pattern NACKS =
      Pattern.compile("(?m)^gatewire_xds_nacks_total(?:\\{[^}]*\\})? ([0-9.eE+]+)$");

  private final Path dir;
  private final Path input;
  private final int portOffset;
  private final InProcessServe serve;
  private final List<Envoy> envoys = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  private EnvoyFixture(Path dir, Path input, int portOffset, InProcessServe serve) {
    this.dir = dir;
    this.input = input;
    this.portOffset = portOffset;
    this.serve = serve;
  }

  /**
   * Serves {@code manifests} with Secrets served to plaintext streams ({@code
   * --allow-insecure-secrets}, so TLS listeners get their keys) and waits until it is ready.
   */
  public static EnvoyFixture serve(String manifests) {
    return serve(manifests, List.of("--allow-insecure-secrets"));
  }

  /** Serves {@code manifests} with {@code flags} added to {@code serve}'s. */
  public static EnvoyFixture serve(String manifests, List<String> flags) {
    try {
      Path dir = Files.createTempDirectory("gatewire-envoy-fixture-");
      Path input = dir.resolve("input.yaml");
      Files.writeString(input, manifests, StandardCharsets.UTF_8);
      return start(dir, input, List.of("-f", input.toString()), listenerPorts(manifests), flags);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Serves what a Kubernetes API server holds ({@code serve --source kubernetes --kubeconfig F}),
   * with Envoy's listeners for the Gateway ports {@code gatewayPorts} (UDP ones negative) moved to
   * free ports, and {@code flags} added. {@link #edit} and {@link #save} do not apply: change the
   * objects on the API server.
   */
  public static EnvoyFixture serveCluster(
      Path kubeconfig, Set<Integer> gatewayPorts, List<String> flags) {
    try {
      Path dir = Files.createTempDirectory("gatewire-envoy-fixture-");
      List<String> source =
          List.of("--source", "kubernetes", "--kubeconfig", kubeconfig.toString());
      return start(dir, null, source, gatewayPorts, flags);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EnvoyFixture start(
      Path dir, Path input, List<String> source, Set<Integer> ports, List<String> flags) {
    int offset = freeOffset(ports);
    List<String> args = new ArrayList<>(source);
    args.addAll(
        List.of(
            "--xds-port",
            "0",
            "--xds-address",
            "127.0.0.1",
            "--admin-port",
            "0",
            "--listener-address",
            "127.0.0.1",
            "--listener-port-offset",
            String.valueOf(offset)));
    args.addAll(flags);
    InProcessServe serve = InProcessServe.start(args.toArray(String[]::new));
    EnvoyFixture fixture = new EnvoyFixture(dir, input, offset, serve);
    try {
      fixture.awaitReady();
    } catch (RuntimeException e) {
      fixture.close();
      throw e;
    }
    return fixture;
  }

  public int xdsPort() {
    return serve.xdsPort();
  }

  /** Where Envoy listens for a Gateway listener on {@code gatewayPort}. */
  public int listenerPort(int gatewayPort) {
    return gatewayPort + portOffset;
  }

  /** The Gateways served, as the node clusters that select them ({@code <namespace>/<name>}). */
  public List<String> gateways() {
    try {
      JsonNode dump = new ObjectMapper().readTree(admin("/config_dump"));
      List<String> gateways = new ArrayList<>();
      dump.fieldNames().forEachRemaining(gateways::add);
      gateways.remove("*");
      return gateways;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts an Envoy for Gateway {@code nodeCluster} over {@code protocol}, stopped on close. */
  public Envoy envoy(String nodeCluster, EnvoyBootstrap.AdsProtocol protocol) {
    return envoy(
        EnvoyBootstrap.ads("envoy-" + protocol.name().toLowerCase(), nodeCluster, xdsPort())
            .withProtocol(protocol));
  }

  /** Starts an Envoy with {@code bootstrap} (its xDS port should be {@link #xdsPort}). */
  public Envoy envoy(EnvoyBootstrap bootstrap) {
    Envoy envoy = Envoy.start(bootstrap);
    envoys.add(envoy);
    return envoy;
  }

  /**
   * Replaces the input with {@code manifests} (written beside it and moved over it, as editors
   * save) and waits until {@code serve} has translated it.
   */
  public void edit(String manifests) {
    double before = metric(TRANSLATIONS);
    save(manifests);
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (metric(TRANSLATIONS) <= before) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the edit was not translated within " + READY_TIMEOUT);
      }
      sleep(20);
    }
  }

  /**
   * Replaces the input with {@code manifests} (written beside it and moved over it, as editors
   * save) and returns at once: the {@link System#nanoTime} at which the saved file was in place.
   */
  public long save(String manifests) {
    if (input == null) {
      throw new IllegalStateException("this fixture serves a cluster: change its objects instead");
    }
    try {
      Path next = dir.resolve("input.yaml.next");
      Files.writeString(next, manifests, StandardCharsets.UTF_8);
      Files.move(next, input, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return System.nanoTime();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** NACKs Gatewire counted ({@code gatewire_xds_nacks_total}, all types). */
  public double nacks() {
    return metric(NACKS);
  }

  /** GET on {@code serve}'s admin HTTP; fails unless 200. */
  public String admin(String path) {
    HttpResponse<String> response = adminGet(path);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** GET on {@code serve}'s admin HTTP, whatever it answers. */
  public HttpResponse<String> adminResponse(String path) {
    return adminGet(path);
  }

  private double metric(Pattern pattern) {
    Matcher matcher = pattern.matcher(admin("/metrics"));
    double sum = 0;
    while (matcher.find()) {
      sum += Double.parseDouble(matcher.group(1));
    }
    return sum;
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (adminGet("/readyz").statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "serve was not ready within " + READY_TIMEOUT + ": " + adminGet("/readyz").body());
      }
      sleep(20);
    }
  }

  private HttpResponse<String> adminGet(String path) {
    InetSocketAddress admin = serve.admin();
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.getPort() + path))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    envoys.forEach(Envoy::close);
    try {
      serve.close();
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException e) {
        // a temporary directory left behind is harmless
      }
    }
  }

  /** The Gateway listener ports of the manifests: TCP ones, and UDP ones negative. */
  static Set<Integer> listenerPorts(String manifests) {
    Set<Integer> ports = new TreeSet<>();
    try (MappingIterator<JsonNode> documents =
        new YAMLMapper().readerFor(JsonNode.class).readValues(manifests)) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document == null || !document.path("kind").asText().equals("Gateway")) {
          continue;
        }
        for (JsonNode listener : document.path("spec").path("listeners")) {
          int port = listener.path("port").asInt();
          ports.add(listener.path("protocol").asText().equals("UDP") ? -port : port);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the test's manifests do not parse", e);
    }
    return ports;
  }

  /** An offset that puts every port on a free loopback port (TCP, or UDP for negative ones). */
  private static int freeOffset(Set<Integer> ports) {
    int highest = ports.stream().mapToInt(Math::abs).max().orElse(0);
    for (int attempt = 0; attempt < 200; attempt++) {
      // below the kernel's ephemeral ports, which outgoing connections and binds to port 0 take
      int below = ListenerPorts.ephemeralLow() - highest;
      int offset =
          below > 11_000
              ? ThreadLocalRandom.current().nextInt(10_000, below)
              : ThreadLocalRandom.current().nextInt(20_000, 60_000 - Math.min(highest, 30_000));
      if (ports.stream().allMatch(port -> free(port, offset))) {
        return offset;
      }
    }
    throw new IllegalStateException("no free loopback port offset for the ports " + ports);
  }

  private static boolean free(int port, int offset) {
    int bound = Math.abs(port) + offset;
    if (bound > 65_535) {
      return false;
    }
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try {
      if (port < 0) {
        new DatagramSocket(new InetSocketAddress(loopback, bound)).close();
      } else {
        new ServerSocket(bound, 1, loopback).close();
      }
      return true;
    } catch (IOException e) {
      return false;
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
