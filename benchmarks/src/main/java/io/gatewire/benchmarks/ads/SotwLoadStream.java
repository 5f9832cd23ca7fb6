package io.gatewire.benchmarks.ads;

import com.google.protobuf.Any;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A state-of-the-world ADS stream: every request names all resources of its type it wants (none:
 * every Listener, every Cluster), every ACK repeats them, and a new set of route configurations or
 * clusters is requested at once, with the version last accepted.
 */
final class SotwLoadStream extends LoadStream<DiscoveryRequest, DiscoveryResponse> {
  private final Node node;

  /**
   * Per type: the names requested (absent: never requested), the version and nonce last received.
   */
  private final Map<String, List<String>> names = new HashMap<>();

  private final Map<String, String> accepted = new HashMap<>();
  private final Map<String, String> nonces = new HashMap<>();

  SotwLoadStream(Node node) {
    this.node = node;
  }

  @Override
  synchronized void subscribe() {
    names.put(LDS, List.of());
    names.put(CDS, List.of());
    request(LDS);
    request(CDS);
  }

  @Override
  void handle(DiscoveryResponse response) {
    String type = response.getTypeUrl();
    accepted.put(type, response.getVersionInfo());
    nonces.put(type, response.getNonce());
    request(type);
    if (type.equals(LDS)) {
      Set<String> routeConfigs = new TreeSet<>();
      response
          .getResourcesList()
          .forEach(
              listener -> routeConfigs.addAll(ResourceNames.routeConfigs(listener.getValue())));
      follow(RDS, List.copyOf(routeConfigs));
    } else if (type.equals(CDS)) {
      // every cluster Gatewire serves for the generated workloads is EDS, named as its assignment
      Set<String> clusters = new TreeSet<>();
      for (Any cluster : response.getResourcesList()) {
        clusters.add(ResourceNames.name(cluster));
      }
      follow(EDS, List.copyOf(clusters));
    }
  }

  @Override
  boolean holds(ServedState state) {
    for (String type : TYPES) {
      if (!state.typeVersions().get(type).equals(accepted.get(type))) {
        return false;
      }
    }
    return true;
  }

  private void follow(String type, List<String> wanted) {
    if (!wanted.equals(names.get(type))) {
      names.put(type, wanted);
      request(type);
    }
  }

  /**
   * A request for {@code type}: the names wanted, with the version and nonce last received (an
   * ACK).
   */
  private void request(String type) {
    DiscoveryRequest.Builder request =
        DiscoveryRequest.newBuilder()
            .setNode(node)
            .setTypeUrl(type)
            .addAllResourceNames(names.get(type));
    if (accepted.containsKey(type)) {
      request.setVersionInfo(accepted.get(type)).setResponseNonce(nonces.get(type));
    }
    send(request.build());
  }
}
