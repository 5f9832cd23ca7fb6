package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.cache.NodeGroup;
import io.envoyproxy.envoy.config.core.v3.Node;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which snapshot a node gets: the one of the Gateway its {@code cluster} names ({@code
 * namespace/name}), or {@link #MERGED} (every Gateway) when it names none, with one warning per
 * node id (a bounded memory: {@link #MAX_REMEMBERED_STRAYS}). Until the first publish no Gateway is
 * known, so nodes keep their own cluster as group and no warning is written; {@link XdsServing}
 * serves groups that turn out unknown with the merged snapshot. When nodes are authorized by their
 * certificate's SAN, a node never gets the merged snapshot (it would hold the Gateways it is not
 * authorized for): it keeps its own cluster as group, which is served nothing until that Gateway
 * exists.
 */
final class NodeGroups implements NodeGroup<String> {
  static final String MERGED = "*";

  /**
   * How many stray node ids are remembered to warn once each; past it the memory starts over (and
   * those nodes may be warned about again), so nodes churning with fresh ids cannot grow it
   * forever.
   */
  static final int MAX_REMEMBERED_STRAYS = 4096;

  private final ServingLog log;
  private final boolean mergeForStrays;
  private final Set<String> warnedNodeIds = ConcurrentHashMap.newKeySet();
  private volatile SortedSet<String> gateways;

  NodeGroups(ServingLog log) {
    this(log, true);
  }

  /**
   * With {@code mergeForStrays} false, a node naming no known Gateway keeps its cluster as group.
   */
  NodeGroups(ServingLog log, boolean mergeForStrays) {
    this.log = log;
    this.mergeForStrays = mergeForStrays;
  }

  boolean mergeForStrays() {
    return mergeForStrays;
  }

  /** The Gateway keys that have a snapshot from now on. */
  void gatewaysAre(Set<String> keys) {
    this.gateways = new TreeSet<>(keys);
  }

  boolean isGateway(String group) {
    SortedSet<String> known = gateways;
    return known != null && known.contains(group);
  }

  @Override
  public String hash(Node node) {
    SortedSet<String> known = gateways;
    String cluster = node.getCluster();
    if (known == null || known.contains(cluster)) {
      return cluster;
    }
    if (!mergeForStrays) {
      if (firstWarning(node)) {
        log.unauthorizedStrayNode(node.getId(), cluster, known);
      }
      return cluster;
    }
    if (firstWarning(node)) {
      log.unknownNodeCluster(node.getId(), cluster, known);
    }
    return MERGED;
  }

  /**
   * Whether this stray node was not warned about yet; forgets every id once the bound is reached.
   */
  private boolean firstWarning(Node node) {
    if (warnedNodeIds.contains(node.getId())) {
      return false;
    }
    if (warnedNodeIds.size() >= MAX_REMEMBERED_STRAYS) {
      warnedNodeIds.clear();
    }
    return warnedNodeIds.add(node.getId());
  }

  /** Stray node ids remembered (for leak checks). */
  int rememberedStrays() {
    return warnedNodeIds.size();
  }
}
