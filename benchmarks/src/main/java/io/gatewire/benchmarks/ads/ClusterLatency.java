package io.gatewire.benchmarks.ads;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gatewire.adapters.k8s.cluster.KubernetesCluster;
import io.gatewire.adapters.k8s.source.KubernetesSourceOptions;
import io.gatewire.adapters.xds.serve.ServingOptions;
import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.bootstrap.embed.Gatewire;
import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.bootstrap.generate.WorkloadSpec;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.ProxyConfigSink;
import io.gatewire.testkit.kube.DeployRbac;
import io.gatewire.testkit.kube.KubeApiServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Latency from a write accepted by a real API server to the new xDS snapshot: Gatewire (cluster
 * source as the ServiceAccount of docs/deploy, the pipeline with its default debounce, XdsServing)
 * serves a generated workload of N routes; each sample creates one more HTTPRoute and times from
 * the API server's answer to the create (the write accepted) until XdsServing has published a
 * snapshot holding that route. Prints the median and the maximum per size.
 *
 * <p>{@code java -cp benchmarks.jar io.gatewire.benchmarks.ads.ClusterLatency [--routes 100,1000]
 * [--samples 20]} (benchmarks/cluster-latency.sh).
 */
public final class ClusterLatency {
  private ClusterLatency() {}

  /** Publishes to XdsServing, then tells whoever waits for a route name that it is served. */
  private static final class Watcher implements ProxyConfigSink {
    private final XdsServing xds;
    private volatile String awaited;
    private volatile CompletableFuture<Long> served = new CompletableFuture<>();

    Watcher(XdsServing xds) {
      this.xds = xds;
    }

    CompletableFuture<Long> await(String marker) {
      served = new CompletableFuture<>();
      awaited = marker;
      return served;
    }

    @Override
    public void publish(Ir ir) {
      xds.publish(ir);
      long published = System.nanoTime();
      String marker = awaited;
      if (marker != null && ir.toString().contains(marker)) {
        awaited = null;
        served.complete(published);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(100, 1000);
    int samples = 20;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--routes" ->
            sizes = List.of(args[i + 1].split(",")).stream().map(Integer::parseInt).toList();
        case "--samples" -> samples = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.println("| routes | samples | median ms | max ms |");
    System.out.println("|---|---|---|---|");
    for (int routes : sizes) {
      List<Double> millis = measure(routes, samples);
      List<Double> sorted = millis.stream().sorted().toList();
      System.out.printf(
          Locale.ROOT,
          "| %d | %d | %.1f | %.1f |%n",
          routes,
          samples,
          sorted.get(sorted.size() / 2),
          sorted.get(sorted.size() - 1));
      System.out.println("  all (ms): " + millis);
    }
  }

  private static List<Double> measure(int routes, int samples) throws Exception {
    try (KubeApiServer server = KubeApiServer.start();
        KubernetesClient client =
            server.client(DeployRbac.apply(server, DeployRbac.DOCUMENTED_NAMESPACE));
        KubernetesCluster cluster = new KubernetesCluster(client)) {
      String workload =
          KubernetesRouteSource.withoutClusterIps(WorkloadGenerator.yaml(WorkloadSpec.of(routes)));
      server.apply(
          "apiVersion: v1\nkind: Namespace\nmetadata: {name: "
              + WorkloadGenerator.GATEWAY_NAMESPACE
              + "}\n");
      server.apply(workload);
      XdsServing xds =
          new XdsServing(
              new ServingOptions(0, MetadataOptions.DEFAULTS), new SimpleMeterRegistry());
      Watcher watcher = new Watcher(xds);
      CompletableFuture<Long> loaded = watcher.await("route-" + (routes - 1));
      try (ConfigurationSource.Watch watch =
          Gatewire.builder()
              .source(cluster.source(KubernetesSourceOptions.ALL_NAMESPACES))
              .proxySink(watcher)
              .build()
              .start()) {
        loaded.get(5, TimeUnit.MINUTES);
        List<Double> millis = new ArrayList<>();
        for (int sample = 0; sample < samples; sample++) {
          String name = "latency-" + sample;
          CompletableFuture<Long> served = watcher.await("httproute/bench-0/" + name + "/");
          server.apply(
              """
              apiVersion: gateway.networking.k8s.io/v1
              kind: HTTPRoute
              metadata: {name: %s, namespace: bench-0}
              spec:
                parentRefs: [{name: bench}]
                hostnames: [%s.bench.example]
                rules: [{backendRefs: [{name: svc-0, port: 8080}]}]
              """
                  .formatted(name, name));
          long accepted = System.nanoTime();
          long published = served.get(60, TimeUnit.SECONDS);
          millis.add((published - accepted) / 1e6);
          Thread.sleep(500);
        }
        return millis;
      }
    }
  }
}
