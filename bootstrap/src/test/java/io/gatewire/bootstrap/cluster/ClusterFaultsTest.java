package io.gatewire.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.adapters.k8s.cluster.KubernetesCluster;
import io.gatewire.adapters.k8s.source.KubernetesSourceOptions;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.serve.ServedResources;
import io.gatewire.adapters.xds.serve.ServingOptions;
import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.bootstrap.embed.Gatewire;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.testkit.kube.DeployRbac;
import io.gatewire.testkit.kube.KubeApiServer;
import io.gatewire.testkit.kube.TcpProxy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A serving Gatewire (cluster source, pipeline, xDS) on a real API server of its own, reached
 * through a relay the test can cut, while the cluster fails as real ones do: a watch that resumes
 * after a compaction gets {@code 410 Gone} and the source lists again with nothing lost; the API
 * server restarts; etcd restarts. Through each outage the last good configuration is served byte
 * for byte, and afterwards the changes are served exactly as the same objects from a file. The API
 * server runs without its watch cache, so that watches are served by etcd and compaction reaches
 * them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsTest {
  private static final Path QUICKSTART = Path.of("../docs/examples/quickstart.yaml");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration OUTAGE = Duration.ofSeconds(3);
  private static final Pattern HTTPROUTE_LISTS =
      Pattern.compile(
          "apiserver_request_total\\{[^}]*resource=\"httproutes\"[^}]*verb=\"LIST\"[^}]*\\} (\\d+)");

  private static KubeApiServer server;
  private static TcpProxy relay;
  private static LiveCluster cluster;
  private static KubernetesClient client;
  private static KubernetesCluster gatewire;
  private static XdsServing served;
  private static ConfigurationSource.Watch watch;

  @TempDir Path files;

  @BeforeAll
  static void startServing() throws Exception {
    server = KubeApiServer.start(List.of("--watch-cache=false"));
    relay = new TcpProxy(server.port());
    cluster = new LiveCluster(server);
    cluster.apply(Files.readString(QUICKSTART));
    client =
        new KubernetesClientBuilder()
            .withConfig(
                server.config(DeployRbac.apply(server, DeployRbac.DOCUMENTED_NAMESPACE), relay))
            .build();
    gatewire = new KubernetesCluster(client);
    served =
        new XdsServing(new ServingOptions(0, MetadataOptions.DEFAULTS), new SimpleMeterRegistry());
    watch =
        Gatewire.builder()
            .source(gatewire.source(KubernetesSourceOptions.ALL_NAMESPACES))
            .proxySink(served)
            .debounce(Duration.ofMillis(20))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    try {
      watch.close();
      gatewire.close();
      relay.close();
    } finally {
      server.close();
    }
  }

  @Test
  @Order(1)
  void watchResumedAfterCompaction_isGone_theSourceListsAgain_nothingLost() throws Exception {
    String quickstart = Files.readString(QUICKSTART);
    awaitServed(quickstart);
    long listsBefore = httpRouteLists();

    String staticRoute = document(quickstart, "  name: static\n");
    String changed =
        String.join(
                    "\n---\n",
                    java.util.Arrays.stream(quickstart.split("(?m)^---\\s*$"))
                        .filter(d -> !d.equals(staticRoute))
                        .toList())
                .replace("weight: 80", "weight: 60")
                .replace("weight: 20", "weight: 40")
            + "\n---\n"
            + """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: added, namespace: myns}
        spec:
          parentRefs: [{name: eg}]
          hostnames: [added.example.com]
          rules: [{backendRefs: [{name: svc-1, port: 8080}]}]
        """;
    relay.cut();
    try {
      cluster.delete(staticRoute);
      cluster.apply(changed);
      long revision = server.compactEtcd();
      assertDumpUnchanged("relay cut, objects changed, etcd compacted at " + revision);
    } finally {
      relay.resume();
    }

    awaitServed(changed);
    assertThat(httpRouteLists())
        .as(
            "LIST httproutes: the watch could not resume from a compacted revision; the source listed again")
        .isGreaterThan(listsBefore);
    assertThat(served.configDump(XdsDocument.Format.YAML).get("myns/eg"))
        .contains("added_example_com", "loadBalancingWeight: 60")
        .doesNotContain("httproute/myns/static");
    cluster.apply(quickstart);
    cluster.delete(document(changed, "{name: added, namespace: myns}"));
  }

  @Test
  @Order(2)
  void apiServerRestarts_lastGoodServedThroughTheOutage_changesAfterItServed_noThreadsLeak()
      throws Exception {
    String quickstart = Files.readString(QUICKSTART);
    awaitServed(quickstart);
    int threadsAfterFirst = 0;
    for (int restart = 1; restart <= 3; restart++) {
      server.stopApiServer();
      assertDumpUnchanged("API server down, restart " + restart);
      server.startApiServer();
      int weight = 80 - 10 * restart;
      String changed =
          quickstart
              .replace("weight: 80", "weight: " + weight)
              .replace("weight: 20", "weight: " + (100 - weight));
      long restarted = System.nanoTime();
      cluster.apply(changed);
      awaitServed(changed);
      System.out.printf(
          "API server restart %d: the change served %d ms after it was accepted%n",
          restart, (System.nanoTime() - restarted) / 1_000_000);
      if (restart == 1) {
        Thread.sleep(1000);
        threadsAfterFirst = Thread.getAllStackTraces().size();
      }
    }
    // Vert.x starts event-loop threads lazily (up to twice the cores), so the first reconnect may
    // add some; later ones must add none (a leak grows with every reconnect).
    int settled = threadsAfterFirst;
    int eventLoops = 2 * Runtime.getRuntime().availableProcessors();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(Thread.getAllStackTraces().size())
                    .as("live threads after three restarts")
                    .isLessThanOrEqualTo(settled + eventLoops / 2));
    cluster.apply(quickstart);
  }

  @Test
  @Order(3)
  void etcdRestarts_lastGoodServedThroughTheOutage_changesAfterItServed() throws Exception {
    String quickstart = Files.readString(QUICKSTART);
    awaitServed(quickstart);
    server.stopEtcd();
    assertDumpUnchanged("etcd down");
    server.startEtcd();
    String changed =
        quickstart.replace("weight: 80", "weight: 75").replace("weight: 20", "weight: 25");
    cluster.apply(changed);
    awaitServed(changed);
    cluster.apply(quickstart);
  }

  private static long httpRouteLists() {
    Matcher matcher = HTTPROUTE_LISTS.matcher(server.metrics());
    long total = 0;
    while (matcher.find()) {
      total += Long.parseLong(matcher.group(1));
    }
    return total;
  }

  /** The document of a multi-document manifest that contains {@code marker}. */
  private static String document(String yaml, String marker) {
    for (String document : yaml.split("(?m)^---\\s*$")) {
      if (document.contains(marker)) {
        return document;
      }
    }
    throw new IllegalArgumentException("no document with " + marker);
  }

  private static void assertDumpUnchanged(String during) throws InterruptedException {
    Map<String, String> before = served.configDump(XdsDocument.Format.YAML);
    SortedMap<String, SortedMap<String, String>> resources = ServedResources.of(served);
    long end = System.nanoTime() + OUTAGE.toNanos();
    while (System.nanoTime() < end) {
      assertThat(served.configDump(XdsDocument.Format.YAML)).as(during).isEqualTo(before);
      Thread.sleep(100);
    }
    assertThat(ServedResources.of(served)).as(during).isEqualTo(resources);
  }

  /** Waits until the pipeline serves exactly what the same objects read from a file give. */
  private void awaitServed(String yaml) throws Exception {
    Path file = Files.createTempFile(files, "input", ".yaml");
    Files.writeString(file, yaml);
    XdsServing fromFile =
        new XdsServing(new ServingOptions(0, MetadataOptions.DEFAULTS), new SimpleMeterRegistry());
    Gatewire.builder()
        .source(new FileConfigurationSource(List.of(file)))
        .proxySink(fromFile)
        .build()
        .translateOnce();
    Map<String, String> expectedDump = fromFile.configDump(XdsDocument.Format.YAML);
    SortedMap<String, SortedMap<String, String>> expected = ServedResources.of(fromFile);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(served.configDump(XdsDocument.Format.YAML)).isEqualTo(expectedDump);
              assertThat(ServedResources.of(served)).isEqualTo(expected);
            });
  }
}
