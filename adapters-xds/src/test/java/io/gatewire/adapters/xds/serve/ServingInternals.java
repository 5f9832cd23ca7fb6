package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.cache.v3.Snapshot;
import java.util.Map;

/**
 * Test fixture: a view into an {@link XdsServing} (through the package-private accessors its own
 * tests use), the snapshot a node group is served and the sizes of what the server remembers
 * ({@link XdsServing#internalSizes()}). Exported in this module's test-jar (the benchmarks' load
 * and churn runs use it), so the production class stays closed.
 */
public final class ServingInternals {
  /** The node group that every Gateway is merged into. */
  public static final String MERGED_GROUP = NodeGroups.MERGED;

  private ServingInternals() {}

  /** The snapshot served to {@code group}; null for an unknown group. */
  public static Snapshot snapshot(XdsServing serving, String group) {
    return serving.servedSnapshot(group);
  }

  /** The started server's thread pools and their fixed sizes ({@link XdsServing#threadPools()}). */
  public static Map<String, Integer> threadPools(XdsServing serving) {
    return serving.threadPools();
  }

  /** Memo entries, interned resources, parked and open watches, node groups the cache knows. */
  public static Map<String, Integer> sizes(XdsServing serving) {
    return serving.internalSizes();
  }
}
