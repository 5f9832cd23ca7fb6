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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A java-control-plane snapshot whose versions are content hashes ({@link ContentVersions}): each
 * resource's own, and per type the version of the (name, version) pairs a request covers ({@link
 * NamedResourceVersions}). {@code Snapshot.create} cannot carry per-resource versions, hence the
 * subclass. {@link #resources()} holds the same instances the cache serves.
 */
final class ContentVersionedSnapshot extends Snapshot {
  private final XdsResources resources;
  private final SnapshotResources<Cluster> clusters;
  private final SnapshotResources<ClusterLoadAssignment> endpoints;
  private final SnapshotResources<Listener> listeners;
  private final SnapshotResources<RouteConfiguration> routes;
  private final SnapshotResources<Secret> secrets;

  private ContentVersionedSnapshot(
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
    this.resources =
        new XdsResources(
            values(listeners),
            values(routes),
            values(clusters),
            values(endpoints),
            values(secrets));
  }

  /**
   * Versions {@code resources}, taking every resource whose content was served before from {@code
   * interner}.
   */
  static ContentVersionedSnapshot of(XdsResources resources, ResourceInterner interner) {
    return of(resources, interner, null);
  }

  /**
   * Like {@link #of(XdsResources, ResourceInterner)}, reusing each type's resources of {@code
   * previous} (null for none) when they are the very same instances, so an unchanged type costs no
   * new version.
   */
  static ContentVersionedSnapshot of(
      XdsResources resources, ResourceInterner interner, ContentVersionedSnapshot previous) {
    return new ContentVersionedSnapshot(
        versioned(resources.listeners(), interner, previous == null ? null : previous.listeners),
        versioned(resources.routes(), interner, previous == null ? null : previous.routes),
        versioned(resources.clusters(), interner, previous == null ? null : previous.clusters),
        versioned(resources.endpoints(), interner, previous == null ? null : previous.endpoints),
        versioned(resources.secrets(), interner, previous == null ? null : previous.secrets));
  }

  /**
   * This snapshot with the ClusterLoadAssignments of {@code replacements} (by cluster name, each
   * one this snapshot serves) in place of its own; every other resource and type is kept as the
   * same instance.
   */
  ContentVersionedSnapshot withEndpoints(
      Map<String, ClusterLoadAssignment> replacements, ResourceInterner interner) {
    List<VersionedResource<ClusterLoadAssignment>> versioned =
        new ArrayList<>(endpoints.versionedResources().values());
    Map<String, String> versions = new HashMap<>();
    for (int i = 0; i < versioned.size(); i++) {
      ClusterLoadAssignment replacement =
          replacements.get(versioned.get(i).resource().getClusterName());
      if (replacement != null) {
        VersionedResource<ClusterLoadAssignment> next = interner.intern(replacement);
        versioned.set(i, next);
        versions.put(replacement.getClusterName(), next.version());
      }
    }
    NamedResourceVersions resolver =
        ((NamedResourceVersions) endpoints.resourceVersionResolver()).with(versions);
    return new ContentVersionedSnapshot(
        listeners, routes, clusters, SnapshotResources.create(versioned, resolver), secrets);
  }

  /** The served resources, sorted by name. */
  XdsResources resources() {
    return resources;
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

  private static <T extends Message> SnapshotResources<T> versioned(
      List<T> messages, ResourceInterner interner, SnapshotResources<T> previous) {
    List<VersionedResource<T>> versioned = messages.stream().map(interner::intern).toList();
    if (previous != null && sameInstances(versioned, previous.versionedResources().values())) {
      return previous;
    }
    SortedMap<String, String> versionsByName = new TreeMap<>();
    versioned.forEach(
        resource ->
            versionsByName.put(Resources.getResourceName(resource.resource()), resource.version()));
    return SnapshotResources.create(versioned, new NamedResourceVersions(versionsByName));
  }

  private static boolean sameInstances(
      List<? extends VersionedResource<?>> sorted,
      Collection<? extends VersionedResource<?>> previous) {
    if (sorted.size() != previous.size()) {
      return false;
    }
    Iterator<? extends VersionedResource<?>> was = previous.iterator();
    for (VersionedResource<?> resource : sorted) {
      if (resource != was.next()) {
        return false;
      }
    }
    return true;
  }

  private static <T extends Message> List<T> values(SnapshotResources<T> resources) {
    return List.copyOf(resources.resources().values());
  }
}
