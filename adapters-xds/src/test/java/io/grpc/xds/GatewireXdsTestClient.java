package io.grpc.xds;

import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.MetricRecorder;
import io.grpc.StatusOr;
import io.grpc.internal.ObjectPool;
import io.grpc.xds.XdsClusterResource.CdsUpdate;
import io.grpc.xds.XdsEndpointResource.EdsUpdate;
import io.grpc.xds.client.Bootstrapper.BootstrapInfo;
import io.grpc.xds.client.Locality;
import io.grpc.xds.client.XdsClient;
import io.grpc.xds.client.XdsClient.ResourceMetadata;
import io.grpc.xds.client.XdsClient.ResourceUpdate;
import io.grpc.xds.client.XdsInitializationException;
import io.grpc.xds.client.XdsResourceType;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * gRPC's own xDS client, an implementation independent of Gatewire and java-control-plane, pointed
 * at a Gatewire xDS server on {@code 127.0.0.1:port} for tests: watch resources by name, then read
 * what the client made of them, ACKED / NACKED (with gRPC's reason) / DOES_NOT_EXIST per resource,
 * and the metadata it parsed. It lives in gRPC's package because the resource types are
 * package-private there.
 *
 * <p>gRPC accepts less than Envoy: EDS (or LOGICAL_DNS, aggregate) clusters, IP endpoints, routes
 * with a route action, no TLS from SDS. Configurations meant for it must stay within that.
 */
public final class GatewireXdsTestClient implements AutoCloseable {
  private static final long WAIT_SECONDS = 5;

  /** The four resource types gRPC's client subscribes to. */
  public enum Kind {
    LISTENER,
    ROUTE_CONFIG,
    CLUSTER,
    ENDPOINTS
  }

  /** What gRPC's client reports for a resource. */
  public enum Status {
    UNKNOWN,
    REQUESTED,
    ACKED,
    NACKED,
    DOES_NOT_EXIST,
    TIMEOUT
  }

  /**
   * One watched resource: its status, the version the client holds (the xDS response's version;
   * empty before any was accepted) and, when NACKED, gRPC's reason.
   */
  public record ResourceState(
      Kind kind, String name, Status status, String version, String nackDetail) {}

  /** A locality as gRPC parsed it: region, weight, the metadata entries, the endpoint addresses. */
  public record LocalityView(
      String region, int weight, Map<String, Object> metadata, List<String> endpoints) {}

  private final ObjectPool<XdsClient> pool;
  private final XdsClient client;
  private final Map<String, CdsUpdate> clusters = new ConcurrentHashMap<>();
  private final Map<String, EdsUpdate> endpoints = new ConcurrentHashMap<>();

  private GatewireXdsTestClient(ObjectPool<XdsClient> pool) {
    this.pool = pool;
    this.client = pool.getObject();
  }

  /**
   * Connects as node {@code nodeId} with {@code cluster} {@code nodeCluster}: a Gateway's {@code
   * namespace/name}.
   */
  public static GatewireXdsTestClient connect(int port, String nodeId, String nodeCluster) {
    Map<String, ?> bootstrap =
        Map.of(
            "node", Map.of("id", nodeId, "cluster", nodeCluster),
            "xds_servers",
                List.of(
                    Map.of(
                        "server_uri", "127.0.0.1:" + port,
                        "channel_creds", List.of(Map.of("type", "insecure")),
                        "server_features", List.of("xds_v3"))));
    try {
      BootstrapInfo info = new GrpcBootstrapperImpl().bootstrap(bootstrap);
      // One pool entry per client: the target only names it.
      return new GatewireXdsTestClient(
          new SharedXdsClientPoolProvider()
              .getOrCreate("gatewire-test:" + UUID.randomUUID(), info, new MetricRecorder() {}));
    } catch (XdsInitializationException e) {
      throw new IllegalStateException("gRPC rejected the test bootstrap: " + e.getMessage(), e);
    }
  }

  public void watchListener(String name) {
    watch(XdsListenerResource.getInstance(), name, null);
  }

  public void watchRouteConfig(String name) {
    watch(XdsRouteConfigureResource.getInstance(), name, null);
  }

  public void watchCluster(String name) {
    watch(XdsClusterResource.getInstance(), name, clusters);
  }

  /** Watches a ClusterLoadAssignment: an EDS cluster's service name. */
  public void watchEndpoints(String name) {
    watch(XdsEndpointResource.getInstance(), name, endpoints);
  }

  /** Every watched resource, by kind and name. */
  public List<ResourceState> states() {
    List<ResourceState> states = new ArrayList<>();
    metadata()
        .forEach(
            (type, byName) ->
                byName.forEach(
                    (name, metadata) ->
                        states.add(
                            new ResourceState(
                                kind(type),
                                name,
                                Status.valueOf(metadata.getStatus().name()),
                                metadata.getVersion(),
                                metadata.getErrorState() == null
                                    ? null
                                    : metadata.getErrorState().getFailedDetails()))));
    states.sort(Comparator.comparing(ResourceState::kind).thenComparing(ResourceState::name));
    return states;
  }

  /** The state of one watched resource; null when it is not watched. */
  public ResourceState state(Kind kind, String name) {
    return states().stream()
        .filter(s -> s.kind() == kind && s.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  /** Resource name to the version the client holds, for one kind. */
  public Map<String, String> versions(Kind kind) {
    Map<String, String> versions = new TreeMap<>();
    states().stream()
        .filter(s -> s.kind() == kind)
        .forEach(s -> versions.put(s.name(), s.version()));
    return versions;
  }

  /**
   * The cluster's metadata as gRPC parsed it (filter_metadata as plain Java maps and lists); null
   * until received.
   */
  public Map<String, Object> clusterMetadata(String cluster) {
    CdsUpdate update = clusters.get(cluster);
    return update == null ? null : update.parsedMetadata();
  }

  /** The localities of a ClusterLoadAssignment, sorted by region; empty until received. */
  public List<LocalityView> localities(String name) {
    EdsUpdate update = endpoints.get(name);
    if (update == null) {
      return List.of();
    }
    List<LocalityView> localities = new ArrayList<>();
    update.localityLbEndpointsMap.forEach(
        (Locality locality, Endpoints.LocalityLbEndpoints lb) ->
            localities.add(
                new LocalityView(
                    locality.region(),
                    lb.localityWeight(),
                    lb.localityMetadata(),
                    lb.endpoints().stream()
                        .flatMap(endpoint -> endpoint.eag().getAddresses().stream())
                        .map(SocketAddress::toString)
                        .toList())));
    localities.sort(Comparator.comparing(LocalityView::region));
    return localities;
  }

  @Override
  public void close() {
    pool.returnObject(client);
  }

  private <T extends ResourceUpdate> void watch(
      XdsResourceType<T> type, String name, Map<String, T> latest) {
    client.watchXdsResource(
        type,
        name,
        new XdsClient.ResourceWatcher<T>() {
          @Override
          public void onResourceChanged(StatusOr<T> update) {
            if (latest != null && update.hasValue()) {
              latest.put(name, update.getValue());
            }
          }

          @Override
          public void onAmbientError(io.grpc.Status error) {
            // The metadata snapshot reports NACKs; nothing to keep here.
          }
        },
        MoreExecutors.directExecutor());
  }

  private Map<XdsResourceType<?>, Map<String, ResourceMetadata>> metadata() {
    try {
      return client.getSubscribedResourcesMetadataSnapshot().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("gRPC's xDS client did not report its resources", e);
    }
  }

  private static Kind kind(XdsResourceType<?> type) {
    if (type == XdsListenerResource.getInstance()) {
      return Kind.LISTENER;
    }
    if (type == XdsRouteConfigureResource.getInstance()) {
      return Kind.ROUTE_CONFIG;
    }
    if (type == XdsClusterResource.getInstance()) {
      return Kind.CLUSTER;
    }
    return Kind.ENDPOINTS;
  }
}
