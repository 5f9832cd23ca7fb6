package io.gatewire.adapters.xds.serve;

import com.google.protobuf.Message;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.gatewire.adapters.xds.proto.DeterministicBytes;
import java.util.Base64;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Test fixture: what an {@link XdsServing} serves, per node group, every resource's type, name,
 * version and deterministic bytes, and each type's snapshot version. Exported in this module's
 * test-jar for other modules' tests.
 */
public final class ServedResources {
  private ServedResources() {}

  /**
   * Node group to {@code "<type> <name>"} (or {@code "<type>"} for the type's version) to version
   * and bytes.
   */
  public static SortedMap<String, SortedMap<String, String>> of(XdsServing xds) {
    SortedMap<String, SortedMap<String, String>> groups = new TreeMap<>();
    for (String group : xds.nodeGroups()) {
      Snapshot snapshot = xds.servedSnapshot(group);
      SortedMap<String, String> resources = new TreeMap<>();
      for (Resources.ResourceType type : Resources.RESOURCE_TYPES_IN_ORDER) {
        resources.put(type.name(), snapshot.version(type));
        snapshot
            .versionedResources(type)
            .forEach(
                (name, versioned) ->
                    resources.put(
                        type.name() + " " + name,
                        versioned.version()
                            + " "
                            + Base64.getEncoder()
                                .encodeToString(
                                    DeterministicBytes.of((Message) versioned.resource()))));
      }
      groups.put(group, resources);
    }
    return groups;
  }
}
