package io.gatewire.domain.translate;

import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.incremental.SameInstances;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a Gateway's clusters read the EndpointSlices of each backend: the reverse of their
 * localities, remembered per Gateway while its cluster plans are the same list ({@link #MEMO}), so
 * that an endpoint change finds the clusters to build again without walking the others.
 */
final class BackendClusters {
  /** The positions of a Gateway's clusters by the backend whose slices they read. */
  static final String MEMO = "translate.backendClusters";

  private BackendClusters() {}

  /**
   * The positions in {@code plan}'s clusters of those that read the slices of any of {@code
   * backends}, ascending.
   */
  static Set<Integer> reading(Memos memos, GatewayPlan plan, Set<SliceIndex.SliceKey> backends) {
    Map<SliceIndex.SliceKey, List<Integer>> byBackend =
        memos
            .<String, Map<SliceIndex.SliceKey, List<Integer>>>memo(MEMO)
            .get(plan.key(), SameInstances.of(plan.clusters()), () -> index(plan.clusters()));
    Set<Integer> reading = new TreeSet<>();
    for (SliceIndex.SliceKey backend : backends) {
      reading.addAll(byBackend.getOrDefault(backend, List.of()));
    }
    return reading;
  }

  private static Map<SliceIndex.SliceKey, List<Integer>> index(List<ClusterPlan> clusters) {
    Map<SliceIndex.SliceKey, List<Integer>> byBackend = new HashMap<>();
    for (int i = 0; i < clusters.size(); i++) {
      for (LocalityPlan locality : clusters.get(i).localities()) {
        SliceIndex.SliceKey key = SliceIndex.SliceKey.of(locality.source());
        if (key != null) {
          List<Integer> positions = byBackend.computeIfAbsent(key, k -> new ArrayList<>(1));
          if (positions.isEmpty() || positions.get(positions.size() - 1) != i) {
            positions.add(i);
          }
        }
      }
    }
    return byBackend;
  }
}
