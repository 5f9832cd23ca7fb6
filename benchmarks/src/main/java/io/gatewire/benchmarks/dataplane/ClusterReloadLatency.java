package io.gatewire.benchmarks.dataplane;

import io.gatewire.benchmarks.ads.KubernetesRouteSource;
import io.gatewire.bootstrap.envoy.EnvoyFixture;
import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.bootstrap.generate.WorkloadSpec;
import io.gatewire.testkit.echo.EchoClient;
import io.gatewire.testkit.echo.EchoServer;
import io.gatewire.testkit.envoy.Envoy;
import io.gatewire.testkit.envoy.EnvoyBootstrap.AdsProtocol;
import io.gatewire.testkit.envoy.XdsCounts;
import io.gatewire.testkit.kube.DeployRbac;
import io.gatewire.testkit.kube.KubeApiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import java.util.function.Predicate;

/**
 * Hot reload to the data plane from a real Kubernetes API server ({@code benchmarks/reload.sh
 * --source kube-apiserver}, docs/performance.md): a kube-apiserver and etcd of the testkit hold a
 * generated workload of N routes (one Gateway {@code bench-0/bench}, listener port 8080) plus an
 * Envoy Gateway Backend whose IP endpoint is a loopback echo server (the API server refuses
 * loopback addresses in EndpointSlices; the Backend CRD is the testkit's stand-in); {@code serve
 * --source kubernetes} (in this JVM, as the ServiceAccount of docs/deploy) feeds a real Envoy. Each
 * sample writes one object as an administrator would (server-side apply) and times from the API
 * server's answer (the write accepted) to the first request Envoy routes the new way:
 *
 * <ul>
 *   <li><b>route created</b>: a new HTTPRoute with a host of its own, to the Backend; the first
 *       request for that host the echo server answers;
 *   <li><b>endpoint move</b>: the Backend's endpoint moves to the other echo server; the first
 *       answer from that one.
 * </ul>
 *
 * Samples never overlap (the next waits until Envoy's xDS counters have settled); two of each kind
 * come first and are not counted.
 */
final class ClusterReloadLatency {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String NAMESPACE = WorkloadGenerator.GATEWAY_NAMESPACE;
  private static final int GATEWAY_PORT = 8080;
  private static final int WARMUP = 2;

  private ClusterReloadLatency() {}

  /** One size: the milliseconds of each sample, per kind of write. */
  record Size(int routes, ReloadLatency.Figure created, ReloadLatency.Figure moved) {}

  static List<Size> run(List<Integer> sizes, int samples, AdsProtocol protocol) {
    List<Size> results = new ArrayList<>();
    for (int routes : sizes) {
      results.add(measure(routes, samples, protocol));
    }
    return results;
  }

  private static Size measure(int routes, int samples, AdsProtocol protocol) {
    List<EchoServer> pods = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      pods.add(EchoServer.start(new EchoServer.Identity(NAMESPACE, "reload", "reload-" + i)));
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("gatewire-cluster-reload-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (KubeApiServer server = KubeApiServer.start()) {
      Path kubeconfig =
          server.kubeconfig(
              DeployRbac.apply(server, DeployRbac.DOCUMENTED_NAMESPACE), dir.resolve("kubeconfig"));
      server.installCrd("backends.gateway.envoyproxy.io");
      server.apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: " + NAMESPACE + "}\n");
      server.apply(
          KubernetesRouteSource.withoutClusterIps(WorkloadGenerator.yaml(WorkloadSpec.of(routes))));
      server.apply(backend(pods.get(0)) + route("reload-fixed"));
      try (EnvoyFixture fixture =
          EnvoyFixture.serveCluster(
              kubeconfig,
              Set.of(GATEWAY_PORT),
              List.of("--lease-namespace", DeployRbac.DOCUMENTED_NAMESPACE))) {
        Envoy envoy =
            fixture.envoy(
                WorkloadGenerator.GATEWAY_NAMESPACE + "/" + WorkloadGenerator.GATEWAY_NAME,
                protocol);
        envoy.awaitLive(WAIT);
        envoy.awaitStable(WAIT);
        firstAnswer(fixture, "reload-fixed", r -> r.echoed().isPresent(), System.nanoTime());
        ReloadLatency.Figure created =
            sample(
                "HTTPRoute created",
                samples,
                envoy,
                i -> {
                  String name = "latency-" + i;
                  server.apply(route(name));
                  long accepted = System.nanoTime();
                  return firstAnswer(fixture, name, r -> r.echoed().isPresent(), accepted);
                });
        ReloadLatency.Figure moved =
            sample(
                "Backend endpoint moved to another server",
                samples,
                envoy,
                i -> {
                  EchoServer to = pods.get((i + 1) % 2);
                  server.apply(backend(to));
                  long accepted = System.nanoTime();
                  return firstAnswer(
                      fixture,
                      "reload-fixed",
                      r -> r.echoed().filter(e -> e.pod().equals(to.identity().pod())).isPresent(),
                      accepted);
                });
        return new Size(routes, created, moved);
      }
    } finally {
      pods.forEach(EchoServer::close);
    }
  }

  /**
   * {@link #WARMUP} writes not counted, then {@code samples} counted ones, each after Envoy's xDS
   * counters have settled; the xDS types Envoy accepted updates of during the counted ones.
   */
  private static ReloadLatency.Figure sample(
      String name, int samples, Envoy envoy, IntToDoubleFunction write) {
    List<Double> millis = new ArrayList<>();
    Set<String> types = new TreeSet<>();
    for (int i = 0; i < WARMUP + samples; i++) {
      XdsCounts before = envoy.xds();
      double ms = write.applyAsDouble(i);
      envoy.awaitStable(WAIT);
      if (i >= WARMUP) {
        millis.add(ms);
        XdsCounts after = envoy.xds();
        after.byType().keySet().stream()
            .filter(type -> after.success(type) > before.success(type))
            .forEach(types::add);
      }
    }
    return new ReloadLatency.Figure(name, millis, types);
  }

  /**
   * Sends requests for {@code host}.bench.example until one answer satisfies {@code shows}: the
   * milliseconds from {@code since} to that answer.
   */
  private static double firstAnswer(
      EnvoyFixture fixture, String host, Predicate<EchoClient.Response> shows, long since) {
    EchoClient.Request request =
        new EchoClient.Request(
            fixture.listenerPort(GATEWAY_PORT),
            EchoClient.Protocol.HTTP_1_1,
            Optional.empty(),
            host + ".bench.example",
            "GET",
            "/",
            Map.of(),
            Duration.ofSeconds(5));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (shows.test(EchoClient.send(request))) {
        return (System.nanoTime() - since) / 1e6;
      }
    }
    throw new IllegalStateException("Envoy did not route " + host + " the new way within " + WAIT);
  }

  private static String backend(EchoServer pod) {
    return """
        apiVersion: gateway.envoyproxy.io/v1alpha1
        kind: Backend
        metadata: {name: reload, namespace: %s}
        spec:
          endpoints: [{ip: {address: 127.0.0.1, port: %d}}]
        """
        .formatted(NAMESPACE, pod.port());
  }

  private static String route(String name) {
    return """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: %1$s, namespace: %2$s}
        spec:
          parentRefs: [{name: %3$s}]
          hostnames: [%1$s.bench.example]
          rules: [{backendRefs: [{group: gateway.envoyproxy.io, kind: Backend, name: reload}]}]
        """
        .formatted(name, NAMESPACE, WorkloadGenerator.GATEWAY_NAME);
  }

  static String table(List<Size> sizes, int samples, AdsProtocol protocol) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%nWrite accepted by a real kube-apiserver to the first request Envoy routes the new way"
                + " (%s ADS, %d samples each, ms):%n%n",
            protocol == AdsProtocol.DELTA ? "delta" : "state-of-the-world",
            samples));
    out.append(
        "| routes | write | xDS updates Envoy accepted | median | max |\n|---|---|---|---|---|\n");
    for (Size size : sizes) {
      for (ReloadLatency.Figure figure : List.of(size.created(), size.moved())) {
        out.append(
            String.format(
                Locale.ROOT,
                "| %,d | %s | %s | %.0f ms | %.0f ms |%n",
                size.routes(),
                figure.edit(),
                String.join(", ", figure.xds()).toUpperCase(Locale.ROOT),
                figure.median(),
                figure.max()));
      }
    }
    out.append("\nsamples (ms):\n");
    for (Size size : sizes) {
      for (ReloadLatency.Figure figure : List.of(size.created(), size.moved())) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %,d routes, %s: %s%n",
                size.routes(),
                figure.edit(),
                Arrays.toString(figure.samples().stream().mapToLong(Math::round).toArray())));
      }
    }
    return out.toString();
  }
}
