package io.gatewire.adapters.xds.serve;

import com.google.protobuf.Message;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.SnapshotResources;
import io.envoyproxy.controlplane.cache.VersionedResource;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.gatewire.adapters.xds.XdsResources;
import java.util.List;
import java.util.Map;

/**
 * A java-control-plane snapshot whose versions are content hashes ({@link ContentVersions}): each
 * resource's own, and per type the version of the (name, version) pairs a request covers ({@link
 * NamedResourceVersions}), as {@link VersionedResources} gives them. {@code Snapshot.create} cannot
 * carry per-resource versions, hence the subclass. {@link #resources()} holds the same instances
 * the cache serves.
 */
final class ContentVersionedSnapshot extends Snapshot {
  /** Made on first use: the cache serves the per-type maps, not these lists. */
  private volatile XdsResources resources;

  private final SnapshotResources<Cluster> clusters;
  private final SnapshotResources<ClusterLoadAssignment> endpoints;
  private final SnapshotResources<Listener> listeners;
  private final SnapshotResources<RouteConfiguration> routes;
  private final SnapshotResources<Secret> secrets;

  ContentVersionedSnapshot(
      SnapshotResources<Listener> listeners,
      SnapshotResources<RouteConfiguration> routes,
      SnapshotResources<Cluster> clusters,
      SnapshotResources<ClusterLoadAssignment> endpoints,
      SnapshotResources<Secret> secrets) {
    this.listeners = listeners;
    this.routes = routes;
    this.clusters = clusters;
    this.endpoints = endpoints;
    this.secrets = secrets;
  }

  /** A snapshot with no resource at all. */
  static ContentVersionedSnapshot empty() {
    return new ContentVersionedSnapshot(none(), none(), none(), none(), none());
  }

  /** The served resources, sorted by name. */
  XdsResources resources() {
    XdsResources made = resources;
    if (made == null) {
      made =
          new XdsResources(
              values(listeners),
              values(routes),
              values(clusters),
              values(endpoints),
              values(secrets));
      resources = made;
    }
    return made;
  }

  /**
   * True when every type has the same version here as in {@code other}: nothing would be pushed.
   */
  boolean sameVersionsAs(Snapshot other) {
    return Resources.RESOURCE_TYPES_IN_ORDER.stream()
        .allMatch(type -> version(type).equals(other.version(type)));
  }

  /**
   * Restated only because the base class declares it with {@code VersionedResource<? extends
   * Message>} and javac does not see {@code Snapshot}'s {@code VersionedResource<?>} version as its
   * override.
   */
  @Override
  public Map<String, VersionedResource<?>> versionedResources(Resources.ResourceType type) {
    return super.versionedResources(type);
  }

  @Override
  public SnapshotResources<Cluster> clusters() {
    return clusters;
  }

  @Override
  public SnapshotResources<ClusterLoadAssignment> endpoints() {
    return endpoints;
  }

  @Override
  public SnapshotResources<Listener> listeners() {
    return listeners;
  }

  @Override
  public SnapshotResources<RouteConfiguration> routes() {
    return routes;
  }

  @Override
  public SnapshotResources<Secret> secrets() {
    return secrets;
  }

  private static <M extends Message> SnapshotResources<M> none() {
    return SortedResources.of(List.of());
  }

  private static <T extends Message> List<T> values(SnapshotResources<T> resources) {
    return List.copyOf(resources.resources().values());
  }
}
