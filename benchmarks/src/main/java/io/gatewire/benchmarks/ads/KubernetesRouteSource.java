package io.gatewire.benchmarks.ads;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
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
import io.gatewire.testkit.kube.DeployRbac;
import io.gatewire.testkit.kube.KubeApiServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes as HTTPRoute objects in an API server, read by the cluster source through its informers:
 * each route is created and deleted with its own request, as a controller or {@code kubectl apply}
 * would. Two API servers: fabric8's CRUD mock ({@link #start()}), or a real kube-apiserver with
 * etcd ({@link #startOnRealApiServer()}, the testkit's, RBAC on, Gatewire reading as the
 * ServiceAccount of docs/deploy). An API server stores only objects, so the broken input is a
 * served route updated to a version the decoder rejects (a backendRef port that is not a number):
 * the mock stores it, the source refuses it and keeps the route's last good version ({@link
 * BrokenInput#OBJECT_REFUSED}), and the repair puts the good version back; the real API server
 * refuses the write itself ({@link BrokenInput#WRITE_REFUSED}: server-side apply cannot build the
 * typed object, "expected numeric"). The mock's record of the requests it received is emptied after
 * each batch.
 */
public final class KubernetesRouteSource implements RouteSource {
  /** Held so that the level set on it stays: the mock server logs every request at INFO. */
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private static final String GOOD_PORT = "      port: 8080\n";
  private static final int HTTP_UNPROCESSABLE = 422;

  private final AutoCloseable server;
  private final KubernetesCluster cluster;
  private final KubernetesConfigurationSource source;
  private final Objects objects;
  private final Runnable afterBatch;
  private ChurnRoute broken;
  private String brokenVersion;
  private String repairedVersion;

  /** How objects are written to the API server. */
  private interface Objects {
    List<GenericKubernetesResource> apply(String yaml);

    void delete(String yaml);
  }

  private KubernetesRouteSource(
      AutoCloseable server, KubernetesClient client, Objects objects, Runnable afterBatch)
      throws SourceException {
    this.server = server;
    this.objects = objects;
    this.afterBatch = afterBatch;
    this.cluster = new KubernetesCluster(client);
    this.source = cluster.source(KubernetesSourceOptions.ALL_NAMESPACES);
  }

  /**
   * Starts a real kube-apiserver and etcd (built or taken from the test cache), applies the RBAC of
   * docs/deploy, and reads as its ServiceAccount; the objects are written as the administrator.
   */
  public static KubernetesRouteSource startOnRealApiServer() throws SourceException {
    KubeApiServer server = KubeApiServer.start();
    try {
      KubernetesClient admin = server.admin();
      KubernetesClient gatewire =
          server.client(DeployRbac.apply(server, DeployRbac.DOCUMENTED_NAMESPACE));
      Objects objects =
          new Objects() {
            @Override
            public List<GenericKubernetesResource> apply(String yaml) {
              List<GenericKubernetesResource> stored = new ArrayList<>();
              for (var object : server.apply(withoutClusterIps(yaml))) {
                stored.add(
                    admin
                        .getKubernetesSerialization()
                        .convertValue(object, GenericKubernetesResource.class));
              }
              return stored;
            }

            @Override
            public void delete(String yaml) {
              admin.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).delete();
            }
          };
      return new KubernetesRouteSource(server, gatewire, objects, () -> {});
    } catch (SourceException | RuntimeException e) {
      server.close();
      throw e;
    }
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
      KubernetesClient client = server.createClient();
      MockCluster mock = new MockCluster(client).installCrds(MockCluster.allCrdsAtV1());
      Objects objects =
          new Objects() {
            @Override
            public List<GenericKubernetesResource> apply(String yaml) {
              return mock.apply(yaml);
            }

            @Override
            public void delete(String yaml) {
              mock.delete(yaml);
            }
          };
      return new KubernetesRouteSource(
          server::destroy, client, objects, () -> forgetRequests(server));
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
    StringBuilder namespaces = new StringBuilder();
    manifests
        .lines()
        .filter(l -> l.startsWith("  namespace: "))
        .map(l -> l.substring("  namespace: ".length()).trim())
        .distinct()
        .forEach(
            ns ->
                namespaces.append(
                    "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: " + ns + "}\n"));
    if (server instanceof KubeApiServer && !namespaces.isEmpty()) {
      objects.apply(namespaces.toString()); // the mock needs none; a real API server does
    }
    objects.apply(manifests);
    afterBatch.run();
  }

  @Override
  public void apply(List<ChurnRoute> routes) {
    for (ChurnRoute route : routes) {
      objects.apply(route.manifest());
    }
    afterBatch.run();
  }

  @Override
  public void delete(List<ChurnRoute> routes) {
    for (ChurnRoute route : routes) {
      objects.delete(route.manifest());
    }
    afterBatch.run();
  }

  @Override
  public BrokenInput breakInput(ChurnRoute loaded) {
    if (!loaded.manifest().contains(GOOD_PORT)) {
      throw new IllegalArgumentException("no backendRef port to break in " + loaded.name());
    }
    broken = loaded;
    repairedVersion = null;
    try {
      brokenVersion =
          version(objects.apply(loaded.manifest().replace(GOOD_PORT, "      port: eighty\n")));
    } catch (KubernetesClientException e) {
      // A port that is no number: server-side apply cannot even build the typed object (500,
      // "failed to create typed patch object ... expected numeric"); validation answers 422.
      boolean refused =
          e.getCode() == HTTP_UNPROCESSABLE
              || String.valueOf(e.getMessage()).contains("failed to create typed patch object");
      if (!refused) {
        throw e;
      }
      brokenVersion = null;
      return BrokenInput.WRITE_REFUSED;
    }
    afterBatch.run();
    return BrokenInput.OBJECT_REFUSED;
  }

  @Override
  public boolean brokenInputRead() {
    return brokenVersion == null || watched(brokenVersion);
  }

  @Override
  public void repairInput() {
    if (brokenVersion == null) {
      return; // the API server refused the broken version: nothing to repair
    }
    repairedVersion = version(objects.apply(broken.manifest()));
    afterBatch.run();
  }

  @Override
  public boolean repairRead() {
    return brokenVersion == null || watched(repairedVersion);
  }

  /** Stops the informers, closes the client, then stops the API server. */
  @Override
  public void close() {
    try {
      cluster.close();
    } finally {
      try {
        server.close();
      } catch (Exception e) {
        throw new IllegalStateException("stopping the API server", e);
      }
    }
  }

  /**
   * Empties the mock's record of the requests it received (kept for {@code takeRequest}, without
   * bound: some 3.5 MiB a cycle of 1,000 routes), which is the test harness's memory, not the API
   * server's state nor Gatewire's, and would otherwise be what the soak's heap figures measure.
   */
  private static void forgetRequests(KubernetesMockServer server) {
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

  /**
   * The generated Services name their cluster IPs; a real API server allocates them itself, and one
   * of them (10.96.0.1) is its own {@code kubernetes} Service's. Nothing served depends on them
   * (the endpoints come from EndpointSlices).
   */
  public static String withoutClusterIps(String yaml) {
    return yaml.replaceAll("(?m)^  clusterIP: .*\n", "");
  }

  private static String version(List<GenericKubernetesResource> stored) {
    return stored.get(0).getMetadata().getResourceVersion();
  }
}
