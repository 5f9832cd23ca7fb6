package io.gatewire.benchmarks.ads;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.gatewire.adapters.k8s.cluster.KubernetesCluster;
import io.gatewire.adapters.k8s.source.KubernetesConfigurationSource;
import io.gatewire.adapters.k8s.source.KubernetesSourceOptions;
import io.gatewire.adapters.k8s.source.MockCluster;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.SourceException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes as HTTPRoute objects in fabric8's CRUD mock API server (started here, on a free loopback
 * port, with the Gateway API CRDs installed), read by the cluster source through its informers:
 * each route is created and deleted with its own request, as a controller or {@code kubectl apply}
 * would. An API server stores only objects, so the broken input is a served route updated to a
 * version the decoder rejects (a backendRef port that is not a number); the source refuses it and
 * keeps the route's last good version ({@link BrokenInput#OBJECT_REFUSED}), and the repair puts the
 * good version back. The mock's record of the requests it received is emptied after each batch.
 */
public final class KubernetesRouteSource implements RouteSource {
  /** Held so that the level set on it stays: the mock server logs every request at INFO. */
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private static final String GOOD_PORT = "      port: 8080\n";

  private final KubernetesMockServer server;
  private final KubernetesCluster cluster;
  private final KubernetesConfigurationSource source;
  private final MockCluster objects;
  private ChurnRoute broken;
  private String brokenVersion;
  private String repairedVersion;

  private KubernetesRouteSource(KubernetesMockServer server, KubernetesClient client)
      throws SourceException {
    this.server = server;
    this.objects = new MockCluster(client).installCrds(MockCluster.allCrdsAtV1());
    this.cluster = new KubernetesCluster(client);
    this.source = cluster.source(KubernetesSourceOptions.ALL_NAMESPACES);
  }

  /**
   * Starts a CRUD mock server and the cluster source over it (informers start with the pipeline's
   * watch).
   */
  public static KubernetesRouteSource start() throws SourceException {
    MOCK_LOG.setLevel(Level.WARNING);
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    try {
      return new KubernetesRouteSource(server, server.createClient());
    } catch (SourceException | RuntimeException e) {
      server.destroy();
      throw e;
    }
  }

  @Override
  public ConfigurationSource source() {
    return source;
  }

  @Override
  public void applyBase(String manifests) {
    objects.apply(manifests);
    forgetRequests();
  }

  @Override
  public void apply(List<ChurnRoute> routes) {
    for (ChurnRoute route : routes) {
      objects.apply(route.manifest());
    }
    forgetRequests();
  }

  @Override
  public void delete(List<ChurnRoute> routes) {
    for (ChurnRoute route : routes) {
      objects.delete(route.manifest());
    }
    forgetRequests();
  }

  @Override
  public BrokenInput breakInput(ChurnRoute loaded) {
    if (!loaded.manifest().contains(GOOD_PORT)) {
      throw new IllegalArgumentException("no backendRef port to break in " + loaded.name());
    }
    broken = loaded;
    repairedVersion = null;
    brokenVersion =
        version(objects.apply(loaded.manifest().replace(GOOD_PORT, "      port: eighty\n")));
    forgetRequests();
    return BrokenInput.OBJECT_REFUSED;
  }

  @Override
  public boolean brokenInputRead() {
    return watched(brokenVersion);
  }

  @Override
  public void repairInput() {
    repairedVersion = version(objects.apply(broken.manifest()));
    forgetRequests();
  }

  @Override
  public boolean repairRead() {
    return watched(repairedVersion);
  }

  /** Stops the informers, closes the client, then stops the mock server. */
  @Override
  public void close() {
    try {
      cluster.close();
    } finally {
      server.destroy();
    }
  }

  /**
   * Empties the mock's record of the requests it received (kept for {@code takeRequest}, without
   * bound: some 3.5 MiB a cycle of 1,000 routes), which is the test harness's memory, not the API
   * server's state nor Gatewire's, and would otherwise be what the soak's heap figures measure.
   */
  private void forgetRequests() {
    try {
      while (server.takeRequest(0, TimeUnit.SECONDS) != null) {
        // dropped
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean watched(String resourceVersion) {
    Optional<GenericKubernetesResource> cached =
        source.cached("HTTPRoute", broken.namespace(), broken.name());
    return cached.isPresent()
        && cached.get().getMetadata().getResourceVersion().equals(resourceVersion);
  }

  private static String version(List<GenericKubernetesResource> stored) {
    return stored.get(0).getMetadata().getResourceVersion();
  }
}
