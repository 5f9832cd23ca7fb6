package io.gatewire.adapters.xds.serve;

import com.google.protobuf.Message;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.VersionedResource;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.gatewire.adapters.xds.XdsResources;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Test fixture: what an {@link XdsServing} serves (through the package-private accessors its own
 * tests use), the version of every served resource and the resources themselves. Exported in this
 * module's test-jar (the benchmarks use it), so the production class stays closed.
 */
public final class ServedVersions {
  private ServedVersions() {}

  /**
   * Type ({@code LISTENER}, {@code ROUTE}, {@code CLUSTER}, {@code ENDPOINT}, {@code SECRET}) to
   * resource name to version.
   */
  public static SortedMap<String, SortedMap<String, String>> of(XdsServing serving, String group) {
    Snapshot snapshot = serving.servedSnapshot(group);
    if (snapshot == null) {
      throw new IllegalArgumentException(
          "no snapshot for " + group + "; groups: " + serving.nodeGroups());
    }
    SortedMap<String, SortedMap<String, String>> versions = new TreeMap<>();
    for (Resources.ResourceType type : Resources.RESOURCE_TYPES_IN_ORDER) {
      SortedMap<String, String> byName = new TreeMap<>();
      for (Map.Entry<String, VersionedResource<?>> entry :
          snapshot.versionedResources(type).entrySet()) {
        byName.put(entry.getKey(), entry.getValue().version());
      }
      versions.put(type.name(), byName);
    }
    return versions;
  }

  /** Every resource served to {@code group}, the very instances the cache holds. */
  public static List<Message> resources(XdsServing serving, String group) {
    XdsResources resources = serving.servedResources(group);
    if (resources == null) {
      throw new IllegalArgumentException(
          "no snapshot for " + group + "; groups: " + serving.nodeGroups());
    }
    return Stream.of(
            resources.listeners(),
            resources.routes(),
            resources.clusters(),
            resources.endpoints(),
            resources.secrets())
        .<Message>flatMap(List::stream)
        .toList();
  }
}
