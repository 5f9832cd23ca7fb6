package io.gatewire.benchmarks.dataplane;

import io.gatewire.bootstrap.envoy.EnvoyFixture;
import io.gatewire.testkit.echo.EchoClient;
import io.gatewire.testkit.echo.EchoServer;
import io.gatewire.testkit.envoy.Envoy;
import io.gatewire.testkit.envoy.EnvoyBootstrap.AdsProtocol;
import io.gatewire.testkit.envoy.XdsCounts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Hot reload to the data plane ({@code benchmarks/reload.sh}, docs/performance.md): {@code serve}
 * (in this JVM, as the command line wires it) watches a file, a real Envoy follows it over ADS, and
 * echo backends answer. Each edit saves the file (written beside it and moved over it, as editors
 * save) and then sends requests back to back, each on a new connection, until one shows the edit;
 * the figure is the time from the saved file to that answer. Four kinds of edit, each repeated:
 *
 * <ul>
 *   <li><b>route</b>: the route's RequestHeaderModifier sets another value (RDS);
 *   <li><b>backend</b>: the route's backendRef moves to the other Service (EDS, and the cluster's
 *       locality metadata);
 *   <li><b>endpoint</b>: the Service's EndpointSlice moves to another Pod (EDS only);
 *   <li><b>listener</b>: the Gateway gets a listener on a new port (LDS, RDS); the answer is the
 *       first request on that port that the route answers.
 * </ul>
 *
 * After each edit the next waits until Envoy's xDS counters have settled, so edits never overlap.
 * Two edits of each kind are made first and not counted.
 *
 * <p>{@code java -cp benchmarks.jar io.gatewire.benchmarks.dataplane.ReloadLatency [--edits 10]
 * [--protocol delta|sotw]}; with {@code --source kube-apiserver [--routes 100,1000] [--samples 20]}
 * the writes go to a real Kubernetes API server instead ({@link ClusterReloadLatency}).
 */
public final class ReloadLatency {
  private static final String HOST = "reload.example.com";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int WARMUP = 2;

  private final Input input;
  private final EnvoyFixture fixture;
  private final Envoy envoy;

  private final int warmup;

  private ReloadLatency(Input input, EnvoyFixture fixture, Envoy envoy, int warmup) {
    this.input = input;
    this.fixture = fixture;
    this.envoy = envoy;
    this.warmup = warmup;
  }

  /**
   * One kind of edit: the milliseconds of each measured edit, and the xDS types of which Envoy
   * accepted an update during those edits.
   */
  record Figure(String edit, List<Double> samples, Set<String> xds) {
    double median() {
      double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double max() {
      return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
  }

  public static void main(String[] args) {
    AdsProtocol protocol =
        AdsProtocol.valueOf(option(args, "--protocol", "delta").toUpperCase(Locale.ROOT));
    String source = option(args, "--source", "files");
    if (source.equals("kube-apiserver")) {
      int samples = Integer.parseInt(option(args, "--samples", "20"));
      List<Integer> sizes =
          Arrays.stream(option(args, "--routes", "100,1000").split(","))
              .map(Integer::parseInt)
              .toList();
      System.out.println(
          ClusterReloadLatency.table(
              ClusterReloadLatency.run(sizes, samples, protocol), samples, protocol));
    } else if (source.equals("files")) {
      int edits = Integer.parseInt(option(args, "--edits", "10"));
      System.out.println(table(run(edits, WARMUP, protocol), edits, protocol));
    } else {
      throw new IllegalArgumentException("--source files|kube-apiserver, not " + source);
    }
    System.exit(0);
  }

  /** Measures {@code edits} edits of each kind after {@code warmup} uncounted ones. */
  static List<Figure> run(int edits, int warmup, AdsProtocol protocol) {
    List<EchoServer> pods = new ArrayList<>();
    for (String pod : List.of("app-a-0", "app-a-1", "app-b-0")) {
      pods.add(EchoServer.start(new EchoServer.Identity("reload", pod.substring(0, 5), pod)));
    }
    try {
      Input input = new Input(pods);
      try (EnvoyFixture fixture = EnvoyFixture.serve(input.yaml(), List.of())) {
        Envoy envoy = fixture.envoy("reload/gw", protocol);
        envoy.awaitLive(WAIT);
        envoy.awaitStable(WAIT);
        return new ReloadLatency(input, fixture, envoy, warmup).measure(edits);
      }
    } finally {
      pods.forEach(EchoServer::close);
    }
  }

  private List<Figure> measure(int edits) {
    List<Figure> figures = new ArrayList<>();
    figures.add(repeat("route change (header filter value)", edits, this::editRoute));
    figures.add(repeat("backend change (backendRef to another Service)", edits, this::editBackend));
    figures.add(repeat("endpoint move (EndpointSlice to another Pod)", edits, this::moveEndpoint));
    figures.add(
        repeat("listener added (Gateway listener on a new port)", edits, this::addListener));
    return figures;
  }

  private Figure repeat(String name, int edits, Supplier<Double> edit) {
    List<Double> samples = new ArrayList<>();
    Set<String> types = new TreeSet<>();
    for (int i = 0; i < warmup + edits; i++) {
      XdsCounts before = envoy.xds();
      double millis = edit.get();
      envoy.awaitStable(WAIT);
      if (i >= warmup) {
        samples.add(millis);
        XdsCounts after = envoy.xds();
        after.byType().keySet().stream()
            .filter(type -> after.success(type) > before.success(type))
            .forEach(types::add);
      }
    }
    return new Figure(name, samples, types);
  }

  private double editRoute() {
    input.header++;
    String want = String.valueOf(input.header);
    return timed(
        80, r -> r.echoed().flatMap(e -> e.header("X-Reload")).filter(want::equals).isPresent());
  }

  private double editBackend() {
    input.backend = input.backend.equals("app-a") ? "app-b" : "app-a";
    String want = input.backend;
    return timed(80, r -> r.echoed().filter(e -> e.pod().startsWith(want)).isPresent());
  }

  private double moveEndpoint() {
    if (!input.backend.equals("app-a")) {
      input.backend = "app-a";
      fixture.edit(input.yaml());
      envoy.awaitStable(WAIT);
    }
    input.endpointPod = 1 - input.endpointPod;
    String want = input.pods.get(input.endpointPod).identity().pod();
    return timed(80, r -> r.echoed().filter(e -> e.pod().equals(want)).isPresent());
  }

  private double addListener() {
    int port = freeGatewayPort();
    input.extraPorts.add(port);
    return timed(port, r -> r.status() == 200 && r.echoed().isPresent());
  }

  /**
   * Saves the current manifests, then sends requests to Gateway port {@code port} until one answer
   * satisfies {@code shows}: the milliseconds from the saved file to that answer.
   */
  private double timed(int port, Predicate<EchoClient.Response> shows) {
    long saved = fixture.save(input.yaml());
    long deadline = saved + WAIT.toNanos();
    EchoClient.Request request =
        new EchoClient.Request(
            fixture.listenerPort(port),
            EchoClient.Protocol.HTTP_1_1,
            Optional.empty(),
            HOST,
            "GET",
            "/",
            Map.of(),
            Duration.ofSeconds(5));
    while (System.nanoTime() < deadline) {
      EchoClient.Response response = EchoClient.send(request);
      if (shows.test(response)) {
        return (System.nanoTime() - saved) / 1e6;
      }
    }
    throw new IllegalStateException("Envoy did not route the edit differently within " + WAIT);
  }

  /** A Gateway port not used yet whose listener port is free on loopback. */
  private int freeGatewayPort() {
    for (int port = 81; port < 1000; port++) {
      if (input.extraPorts.contains(port)) {
        continue;
      }
      try (ServerSocket socket =
          new ServerSocket(fixture.listenerPort(port), 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException e) {
        // taken: try the next one
      }
    }
    throw new IllegalStateException("no free listener port");
  }

  /** The edited input: a Gateway, one HTTPRoute, two Services, and what the edits change. */
  private static final class Input {
    private final List<EchoServer> pods;
    private int header;
    private String backend = "app-a";
    private int endpointPod;
    private final Set<Integer> extraPorts = new TreeSet<>();

    Input(List<EchoServer> pods) {
      this.pods = pods;
    }

    String yaml() {
      StringBuilder listeners = new StringBuilder("  - {name: http, port: 80, protocol: HTTP}\n");
      for (int port : extraPorts) {
        listeners.append(
            String.format(
                Locale.ROOT, "  - {name: extra-%d, port: %d, protocol: HTTP}%n", port, port));
      }
      return """
          apiVersion: gateway.networking.k8s.io/v1
          kind: GatewayClass
          metadata: {name: gatewire}
          spec: {controllerName: gatewire.io/gateway-controller}
          ---
          apiVersion: v1
          kind: Namespace
          metadata: {name: reload}
          ---
          apiVersion: gateway.networking.k8s.io/v1
          kind: Gateway
          metadata: {name: gw, namespace: reload}
          spec:
            gatewayClassName: gatewire
            listeners:
          %s---
          apiVersion: gateway.networking.k8s.io/v1
          kind: HTTPRoute
          metadata: {name: route, namespace: reload}
          spec:
            parentRefs: [{name: gw}]
            hostnames: [%s]
            rules:
            - filters:
              - type: RequestHeaderModifier
                requestHeaderModifier:
                  set: [{name: X-Reload, value: "%d"}]
              backendRefs: [{name: %s, port: 8080}]
          %s%s"""
          .formatted(
              listeners,
              HOST,
              header,
              backend,
              service("app-a", pods.get(endpointPod)),
              service("app-b", pods.get(2)));
    }

    private static String service(String name, EchoServer pod) {
      return """
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: %1$s, namespace: reload}
          spec:
            ports: [{name: http, port: 8080}]
          ---
          apiVersion: discovery.k8s.io/v1
          kind: EndpointSlice
          metadata:
            name: %1$s
            namespace: reload
            labels: {kubernetes.io/service-name: %1$s}
          addressType: IPv4
          endpoints:
          - addresses: [127.0.0.1]
            conditions: {ready: true}
            targetRef: {kind: Pod, namespace: reload, name: %2$s}
          ports: [{name: http, port: %3$d}]
          """
          .formatted(name, pod.identity().pod(), pod.port());
    }
  }

  static String table(List<Figure> figures, int edits, AdsProtocol protocol) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%nSaved edit to the first request Envoy routes differently (%s ADS, %d edits each, ms):%n%n",
            protocol == AdsProtocol.DELTA ? "delta" : "state-of-the-world",
            edits));
    out.append("| edit | xDS updates Envoy accepted | median | max |\n|---|---|---|---|\n");
    for (Figure figure : figures) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.0f ms | %.0f ms |%n",
              figure.edit(),
              String.join(", ", figure.xds()).toUpperCase(Locale.ROOT),
              figure.median(),
              figure.max()));
    }
    out.append("\nsamples (ms):\n");
    for (Figure figure : figures) {
      out.append("  ").append(figure.edit()).append(": ");
      out.append(Arrays.toString(figure.samples().stream().mapToLong(Math::round).toArray()));
      out.append('\n');
    }
    return out.toString();
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
