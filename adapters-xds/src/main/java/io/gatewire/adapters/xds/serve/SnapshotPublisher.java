package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.gatewire.adapters.xds.XdsTranslator;
import io.gatewire.adapters.xds.serve.ServingMetrics.BuildResult;
import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.ir.Ir;
import io.micrometer.core.instrument.Timer;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Snapshot building and content versions: every published IR becomes one snapshot per Gateway (for
 * nodes whose {@code cluster} is the Gateway's {@code namespace/name}) and one of all Gateways
 * merged ({@link NodeGroups#MERGED}), set in java-control-plane's cache; node groups that name no
 * Gateway (nodes that connected before the first publish, or whose Gateway went away) are set the
 * merged one. Versions are content hashes ({@link VersionedResources}), so an unchanged resource
 * keeps its version and its proto instance across publishes and restarts, and a group whose content
 * did not change is not pushed. A snapshot that fails {@link SnapshotConsistency} is a bug: it is
 * logged and the group keeps its previous one.
 *
 * <p>What is reused from one publish to the next lives in one {@link Memos} table, which the
 * mappers and the versions share and which is ended once per publish: IR that did not change is
 * neither mapped nor hashed again, an endpoint-only change included.
 */
final class SnapshotPublisher {
  private final Memos memos = new Memos();
  private final VersionedResources versions;
  private final SimpleCache<String> cache;
  private final NodeGroups nodeGroups;
  private final NackSuppressingWatcher watcher;
  private final ServingMetrics metrics;
  private final ServingLog log;

  /** Serializes publishes; guards the memos. */
  private final Object publishLock = new Object();

  /** What a node is served that may have no Gateway's snapshot. */
  private final ContentVersionedSnapshot nothing = ContentVersionedSnapshot.empty();

  /** The snapshot served to each Gateway group and to {@code *}; replaced whole on publish. */
  private volatile SortedMap<String, ContentVersionedSnapshot> served =
      Collections.emptySortedMap();

  /** The IR the served snapshots were built from; guarded by the publish lock. */
  private Ir published;

  SnapshotPublisher(
      ServingOptions options,
      SimpleCache<String> cache,
      NodeGroups nodeGroups,
      NackSuppressingWatcher watcher,
      ServingMetrics metrics,
      ServingLog log) {
    this.versions =
        new VersionedResources(
            new XdsTranslator(options.metadata(), options.listeners(), memos), memos);
    this.cache = cache;
    this.nodeGroups = nodeGroups;
    this.watcher = watcher;
    this.metrics = metrics;
    this.log = log;
  }

  /** The snapshot of each node group, sorted by group: each Gateway's and {@code *}. */
  SortedMap<String, ContentVersionedSnapshot> served() {
    return served;
  }

  /** The entries each memo holds, by memo name; taken between publishes. */
  Map<String, Integer> memoSizes() {
    synchronized (publishLock) {
      return memos.sizes();
    }
  }

  void publish(Ir ir) {
    synchronized (publishLock) {
      Timer.Sample sample = Timer.start();
      if (Objects.equals(published, ir)) {
        served.keySet().forEach(group -> metrics.built(BuildResult.UNCHANGED));
      } else {
        build(ir);
        memos.endGeneration();
        published = ir;
      }
      sample.stop(metrics.buildTimer());
    }
  }

  private void build(Ir ir) {
    Map<String, ContentVersionedSnapshot> parts = new LinkedHashMap<>();
    ir.gateways().forEach(gateway -> parts.put(gateway.key(), versions.snapshot(gateway)));
    parts.put(NodeGroups.MERGED, versions.merged(List.copyOf(parts.values())));

    SortedMap<String, ContentVersionedSnapshot> next = new TreeMap<>();
    Set<String> changed = new HashSet<>();
    // with one Gateway, its snapshot is the merged one: it is checked and kept once
    Map<ContentVersionedSnapshot, ContentVersionedSnapshot> keptFor = new IdentityHashMap<>();
    parts.forEach(
        (group, built) -> {
          ContentVersionedSnapshot previous = served.get(group);
          ContentVersionedSnapshot snapshot = keptFor.get(built);
          if (snapshot == null) {
            List<String> violations = SnapshotConsistency.violations(built, previous);
            if (!violations.isEmpty()) {
              log.inconsistent(group, violations);
              metrics.built(BuildResult.INCONSISTENT);
              if (previous != null) {
                next.put(group, previous);
              }
              return;
            }
            snapshot = previous != null && previous.sameVersionsAs(built) ? previous : built;
            keptFor.put(built, snapshot);
          }
          next.put(group, snapshot);
          metrics.built(snapshot == previous ? BuildResult.UNCHANGED : BuildResult.PUBLISHED);
          if (snapshot != previous) {
            changed.add(group);
          }
        });

    Set<String> gateways = new HashSet<>(next.keySet());
    gateways.remove(NodeGroups.MERGED);
    nodeGroups.gatewaysAre(gateways);
    served = Collections.unmodifiableSortedMap(next);
    changed.forEach(group -> cache.setSnapshot(group, next.get(group)));
    changed.addAll(serveMergedToStrayGroups(next.get(NodeGroups.MERGED)));
    watcher.snapshotsChanged(changed);
    metrics.mergedIs(next.get(NodeGroups.MERGED));
  }

  /**
   * Gives the merged snapshot to every group the cache knows that is neither a Gateway nor {@code
   * *}: nodes that connected before their group was known, or whose Gateway is gone. When the
   * merged snapshot is not for strays ({@link NodeGroups}), they get an empty one instead.
   */
  private Set<String> serveMergedToStrayGroups(Snapshot merged) {
    Set<String> changed = new HashSet<>();
    if (merged == null) {
      return changed;
    }
    if (!nodeGroups.mergeForStrays()) {
      merged = nothing;
    }
    for (String group : cache.groups()) {
      if (group.equals(NodeGroups.MERGED) || nodeGroups.isGateway(group)) {
        continue;
      }
      Snapshot current = cache.getSnapshot(group);
      if (current != merged) {
        cache.setSnapshot(group, merged);
        changed.add(group);
      }
    }
    return changed;
  }
}
