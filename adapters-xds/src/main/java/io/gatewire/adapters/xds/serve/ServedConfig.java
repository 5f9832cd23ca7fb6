package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.cache.StatusInfo;
import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.XdsDocumentWriter;
import io.gatewire.adapters.xds.XdsResources;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What is served, for operators and tests: the config dump of each node group (as the {@code
 * translate} command prints it), the snapshots and resources the cache holds, and the sizes of what
 * the server remembers, for leak checks.
 */
final class ServedConfig {
  private final SnapshotPublisher publisher;
  private final SimpleCache<String> cache;
  private final NackSuppressingWatcher watcher;
  private final StreamLedger ledger;

  ServedConfig(
      SnapshotPublisher publisher,
      SimpleCache<String> cache,
      NackSuppressingWatcher watcher,
      StreamLedger ledger) {
    this.publisher = publisher;
    this.cache = cache;
    this.watcher = watcher;
    this.ledger = ledger;
  }

  /** The node groups with a snapshot: each Gateway's {@code namespace/name} and {@code *}. */
  Set<String> nodeGroups() {
    return publisher.served().keySet();
  }

  /** The xDS each node group is served, printed as {@code translate} prints it; by group. */
  Map<String, String> configDump(XdsDocument.Format format) {
    XdsDocumentWriter writer =
        new XdsDocumentWriter(
            format == XdsDocument.Format.JSON
                ? XdsDocumentWriter.Format.JSON
                : XdsDocumentWriter.Format.YAML);
    Map<String, String> dump = new LinkedHashMap<>();
    publisher
        .served()
        .forEach((group, snapshot) -> dump.put(group, writer.write(snapshot.resources())));
    return dump;
  }

  /** The xDS streams open now. */
  int connectedStreams() {
    return ledger.openStreams();
  }

  /** The snapshot a node group is served; null for an unknown group. */
  Snapshot snapshot(String group) {
    return publisher.served().get(group);
  }

  /**
   * The resources a node group is served, the very instances the cache holds; null for an unknown
   * group.
   */
  XdsResources resources(String group) {
    ContentVersionedSnapshot snapshot = publisher.served().get(group);
    return snapshot == null ? null : snapshot.resources();
  }

  /** Every group a node has asked for so far, including groups that are no Gateway. */
  Collection<String> requestedGroups() {
    return cache.groups();
  }

  /**
   * What the server remembers, for leak checks: the entries of each memo of the publisher ({@code
   * memo.<name>}), the NACKed watches parked, the delta watches waiting for a first answer, and the
   * cache's open watches and node groups.
   */
  Map<String, Integer> internalSizes() {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    publisher.memoSizes().forEach((memo, size) -> sizes.put("memo." + memo, size));
    sizes.put("parkedWatches", watcher.parkedWatches());
    sizes.put("firstDeltaWatches", watcher.waitingFirstDeltaWatches());
    int watches = 0;
    for (String group : cache.groups()) {
      StatusInfo<String> status = cache.statusInfo(group);
      watches += status == null ? 0 : status.numWatches();
    }
    sizes.put("cacheWatches", watches);
    sizes.put("cacheGroups", cache.groups().size());
    return sizes;
  }
}
