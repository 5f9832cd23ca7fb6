package io.gatewire.benchmarks.ads;

import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.VersionedResource;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.gatewire.adapters.xds.serve.ServingInternals;
import io.gatewire.adapters.xds.serve.XdsServing;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@link ServedState} off the server. */
final class ServedStates {
  private ServedStates() {}

  /** What {@code group} is served now, for the four types the load streams follow. */
  static ServedState of(XdsServing serving, String group) {
    Snapshot snapshot = ServingInternals.snapshot(serving, group);
    if (snapshot == null) {
      throw new IllegalStateException(
          "no snapshot for " + group + "; groups: " + serving.nodeGroups());
    }
    Map<String, String> typeVersions = new HashMap<>();
    Map<String, Map<String, String>> resourceVersions = new HashMap<>();
    for (String typeUrl : LoadStream.TYPES) {
      Resources.ResourceType type = Resources.TYPE_URLS_TO_RESOURCE_TYPE.get(typeUrl);
      typeVersions.put(typeUrl, snapshot.version(type, List.of()));
      Map<String, String> versions = new HashMap<>();
      for (Map.Entry<String, VersionedResource<?>> entry :
          snapshot.versionedResources(type).entrySet()) {
        versions.put(entry.getKey(), entry.getValue().version());
      }
      resourceVersions.put(typeUrl, versions);
    }
    return new ServedState(typeVersions, resourceVersions);
  }

  /** How many resources of {@code typeUrl} {@code state} holds. */
  static int count(ServedState state, String typeUrl) {
    return state.resourceVersions().get(typeUrl).size();
  }
}
