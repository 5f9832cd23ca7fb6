package io.gatewire.benchmarks.ads;

import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.Resource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A delta ADS stream: wildcard for Listeners and Clusters, route configurations and assignments
 * subscribed and unsubscribed by name as listeners and clusters come and go. It holds each
 * resource's version, as Envoy does, and ACKs every response by its nonce.
 */
final class DeltaLoadStream extends LoadStream<DeltaDiscoveryRequest, DeltaDiscoveryResponse> {
  private final Node node;

  /** Shares equal strings between streams, so a thousand clients hold one copy of each name. */
  private final UnaryOperator<String> strings;

  /** Per type, resource name to the version held. */
  private final Map<String, Map<String, String>> held = new HashMap<>();

  private final Map<String, Set<String>> routeConfigsByListener = new HashMap<>();
  private final Map<String, Set<String>> subscribed = new HashMap<>();

  DeltaLoadStream(Node node, UnaryOperator<String> strings) {
    this.node = node;
    this.strings = strings;
  }

  @Override
  synchronized void subscribe() {
    send(DeltaDiscoveryRequest.newBuilder().setNode(node).setTypeUrl(LDS).build());
    send(DeltaDiscoveryRequest.newBuilder().setNode(node).setTypeUrl(CDS).build());
  }

  @Override
  void handle(DeltaDiscoveryResponse response) {
    String type = response.getTypeUrl();
    Map<String, String> versions = held.computeIfAbsent(type, t -> new HashMap<>());
    for (Resource resource : response.getResourcesList()) {
      String name = strings.apply(resource.getName());
      versions.put(name, strings.apply(resource.getVersion()));
      if (type.equals(LDS)) {
        routeConfigsByListener.put(
            name, ResourceNames.routeConfigs(resource.getResource().getValue()));
      }
    }
    for (String removed : response.getRemovedResourcesList()) {
      versions.remove(removed);
      routeConfigsByListener.remove(removed);
    }
    send(
        DeltaDiscoveryRequest.newBuilder()
            .setNode(node)
            .setTypeUrl(type)
            .setResponseNonce(response.getNonce())
            .build());
    if (type.equals(LDS)) {
      Set<String> routeConfigs = new TreeSet<>();
      routeConfigsByListener.values().forEach(routeConfigs::addAll);
      follow(RDS, routeConfigs);
    } else if (type.equals(CDS)) {
      // every cluster Gatewire serves for the generated workloads is EDS, named as its assignment
      follow(EDS, versions.keySet());
    }
  }

  @Override
  boolean holds(ServedState state) {
    for (String type : TYPES) {
      if (!state.resourceVersions().get(type).equals(held.getOrDefault(type, Map.of()))) {
        return false;
      }
    }
    return true;
  }

  /** Subscribes to the names newly wanted and unsubscribes (and forgets) those no longer wanted. */
  private void follow(String type, Set<String> wanted) {
    Set<String> current = subscribed.computeIfAbsent(type, t -> new HashSet<>());
    List<String> added = wanted.stream().filter(name -> !current.contains(name)).toList();
    List<String> removed = current.stream().filter(name -> !wanted.contains(name)).toList();
    if (added.isEmpty() && removed.isEmpty()) {
      return;
    }
    current.addAll(added);
    removed.forEach(current::remove);
    Map<String, String> versions = held.get(type);
    if (versions != null) {
      removed.forEach(versions::remove);
    }
    send(
        DeltaDiscoveryRequest.newBuilder()
            .setNode(node)
            .setTypeUrl(type)
            .addAllResourceNamesSubscribe(added)
            .addAllResourceNamesUnsubscribe(removed)
            .build());
  }
}
