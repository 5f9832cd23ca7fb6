package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.cache.v3.Snapshot;
import java.util.Map;

/**
 * Benchmark-only view into an {@link XdsServing} for the load and churn runs (the package-private
 * accessors its own tests use): the snapshot a node group is served, and the sizes of what the
 * server remembers ({@link XdsServing#internalSizes()}). Lives in the benchmarks module under
 * {@code serve}'s package so the production class stays closed.
 */
public final class ServingInternals {
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
