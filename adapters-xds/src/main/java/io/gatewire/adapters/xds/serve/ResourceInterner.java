package io.gatewire.adapters.xds.serve;

import com.google.protobuf.Message;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.VersionedResource;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Hands out one {@link VersionedResource} per distinct content: a resource equal to one already
 * served (same type, name and content version), in any node group, is replaced by the served
 * instance. That keeps proto instances stable across rebuilds and shared between groups, and
 * java-control-plane serializes a resource once per instance. Not thread-safe: used under {@link
 * XdsServing}'s publish lock.
 */
final class ResourceInterner {
  private final Map<Key, VersionedResource<?>> known = new HashMap<>();
  private final RouteConfigurationVersions routeVersions = new RouteConfigurationVersions();

  /**
   * Instances already versioned, in this build or by a snapshot still served: the mappers hand out
   * the same instance for unchanged IR, which then needs no hashing at all.
   */
  private final Map<Message, VersionedResource<?>> byInstance = new IdentityHashMap<>();

  @SuppressWarnings("unchecked")
  <T extends Message> VersionedResource<T> intern(T resource) {
    VersionedResource<?> seen = byInstance.get(resource);
    if (seen != null) {
      return (VersionedResource<T>) seen;
    }
    String version =
        resource instanceof RouteConfiguration config
            ? routeVersions.of(config)
            : ContentVersions.of(resource);
    VersionedResource<T> interned =
        (VersionedResource<T>)
            known.computeIfAbsent(
                new Key(resource.getClass(), Resources.getResourceName(resource), version),
                key -> VersionedResource.create(resource, version));
    byInstance.put(resource, interned);
    return interned;
  }

  /**
   * The entries held: by content, by instance, and the route configurations' virtual host digests.
   */
  int size() {
    return known.size() + byInstance.size() + routeVersions.size();
  }

  /** Forgets every instance that none of {@code served} holds any more. */
  void retainOnly(Collection<ContentVersionedSnapshot> served) {
    known.clear();
    routeVersions.roll();
    Set<VersionedResource<?>> live = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ContentVersionedSnapshot snapshot : served) {
      for (Resources.ResourceType type : Resources.RESOURCE_TYPES_IN_ORDER) {
        snapshot
            .versionedResources(type)
            .values()
            .forEach(
                resource -> {
                  if (live.add(resource)) {
                    known.put(
                        new Key(
                            resource.resource().getClass(),
                            Resources.getResourceName(resource.resource()),
                            resource.version()),
                        resource);
                  }
                });
      }
    }
    // an instance the mappers still hold may stand for an equal served one: keep it while that is
    // served
    byInstance.values().removeIf(resource -> !live.contains(resource));
    live.forEach(resource -> byInstance.put(resource.resource(), resource));
  }

  private record Key(Class<?> type, String name, String version) {}
}
