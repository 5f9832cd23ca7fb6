package io.gatewire.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.gatewire.adapters.k8s.cluster.KubernetesCluster;
import io.gatewire.adapters.k8s.source.KubernetesSourceOptions;
import io.gatewire.adapters.k8s.source.MockCluster;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.serve.ServedResources;
import io.gatewire.adapters.xds.serve.ServingOptions;
import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.bootstrap.embed.Gatewire;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.port.ConfigurationSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API server restarting under a serving Gatewire (fabric8's CRUD mock API server, the cluster
 * source, the pipeline and xDS serving): the mock is shut down and another one started on the same
 * port over the same store (its {@link KubernetesCrudDispatcher}: the objects and the
 * resourceVersion counter survive, as etcd's do when a real API server restarts). During each
 * outage the last good configuration keeps serving, byte for byte; after it, the informers
 * reconnect and a change made on the new server is served; three restarts leave no more threads
 * than Vert.x's lazily started event loops.
 *
 * <p>The servers are built by hand: {@code @EnableKubernetesMockClient} owns its server for the
 * class and cannot restart it on the same port.
 */
class ApiServerRestartTest {
  private static final Path QUICKSTART = Path.of("../docs/examples/quickstart.yaml");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration OUTAGE = Duration.ofSeconds(3);
  private static final int RESTARTS = 3;

  /** Held so that the level set on it stays: the mock server logs every request at INFO. */
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private static final KubernetesCrudDispatcher STORE = new KubernetesCrudDispatcher();
  private static KubernetesMockServer server;
  private static KubernetesClient client;
  private static KubernetesCluster cluster;
  private static XdsServing served;
  private static ConfigurationSource.Watch watch;

  @BeforeAll
  static void startServing() throws Exception {
    MOCK_LOG.setLevel(Level.WARNING);
    server = serverOver(STORE, 0);
    client = server.createClient();
    new MockCluster(client)
        .installCrds(MockCluster.allCrdsAtV1())
        .apply(Files.readString(QUICKSTART));
    served =
        new XdsServing(new ServingOptions(0, MetadataOptions.DEFAULTS), new SimpleMeterRegistry());
    cluster = new KubernetesCluster(client);
    ConfigurationSource source = cluster.source(KubernetesSourceOptions.ALL_NAMESPACES);
    watch =
        Gatewire.builder()
            .source(source)
            .proxySink(served)
            .debounce(Duration.ofMillis(20))
            .build()
            .start();
  }

  @AfterAll
  static void stopServing() {
    try {
      watch.close();
      cluster.close();
      server.destroy();
    } catch (RuntimeException e) {
      System.err.println("teardown: " + e);
    }
  }

  @Test
  void restartedApiServer_lastGoodServesThroughTheOutage_changesAfterItAreServed_noThreadsLeak()
      throws Exception {
    String quickstart = Files.readString(QUICKSTART);
    await()
        .atMost(WAIT)
        .until(() -> dump().getOrDefault("myns/eg", "").contains("loadBalancingWeight: 80"));
    // settle: the reload threads and the informers' executors are started
    Thread.sleep(1000);
    Map<String, Integer> poolsBefore = threadsByPool();
    int threadsBefore = Thread.getAllStackTraces().size();
    int threadsAfterFirst = 0;
    int port = server.getPort();

    for (int restart = 1; restart <= RESTARTS; restart++) {
      Map<String, String> dumpBefore = dump();
      SortedMap<String, SortedMap<String, String>> resourcesBefore = ServedResources.of(served);

      server.destroy();
      long outageEnds = System.nanoTime() + OUTAGE.toNanos();
      while (System.nanoTime() < outageEnds) {
        assertThat(dump())
            .as("restart %d: served during the outage", restart)
            .isEqualTo(dumpBefore);
        Thread.sleep(100);
      }
      assertThat(ServedResources.of(served)).isEqualTo(resourcesBefore);

      server = serverOver(STORE, port);
      long restarted = System.nanoTime();
      int weight = 80 - 10 * restart;
      new MockCluster(client)
          .apply(
              quickstart
                  .replace("weight: 80", "weight: " + weight)
                  .replace("weight: 20", "weight: " + (100 - weight)));
      int expected = weight;
      int round = restart;
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(dump().get("myns/eg"))
                      .as("restart %d: the change made after it", round)
                      .contains(
                          "loadBalancingWeight: " + expected,
                          "loadBalancingWeight: " + (100 - expected))
                      .doesNotContain("loadBalancingWeight: " + (expected + 10) + "\n"));
      System.out.printf(
          "restart %d: the change served %d ms after the server came back%n",
          restart, (System.nanoTime() - restarted) / 1_000_000);
      if (restart == 1) {
        Thread.sleep(1000);
        threadsAfterFirst = Thread.getAllStackTraces().size();
      }
    }

    // Vert.x (the client's HTTP and each mock server) starts event-loop threads lazily, up to twice
    // the
    // cores per instance, so the first reconnect may add some; the later ones must add none (a leak
    // grows with every reconnect). Measured against the count after the first restart, since the
    // JVM also holds threads of earlier test classes that come and go on their own timers.
    int eventLoops = 2 * Runtime.getRuntime().availableProcessors();
    int settled = threadsAfterFirst;
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(Thread.getAllStackTraces().size())
                    .isLessThanOrEqualTo(settled + eventLoops / 2));
    System.out.printf(
        "threads: %d before %d restarts, %d after; by pool before %s, after %s%n",
        threadsBefore, RESTARTS, Thread.getAllStackTraces().size(), poolsBefore, threadsByPool());
  }

  /** Live threads by name with the digits masked, so a pool's threads count together. */
  private static Map<String, Integer> threadsByPool() {
    Map<String, Integer> pools = new TreeMap<>();
    Thread.getAllStackTraces()
        .keySet()
        .forEach(
            thread -> pools.merge(thread.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum));
    return pools;
  }

  private static Map<String, String> dump() {
    return served.configDump(XdsDocument.Format.YAML);
  }

  /**
   * A CRUD mock server over {@code store}, on {@code port} (0: any free one) of the loopback
   * address.
   */
  private static KubernetesMockServer serverOver(KubernetesCrudDispatcher store, int port) {
    KubernetesMockServer mock =
        new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), store, false);
    mock.init(InetAddress.getLoopbackAddress(), port);
    return mock;
  }
}
