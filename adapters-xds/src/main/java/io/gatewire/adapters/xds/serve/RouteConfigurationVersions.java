package io.gatewire.adapters.xds.serve;

import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Content versions of route configurations that do not hash every virtual host again when one
 * changes: the version digests the configuration without its virtual hosts, then each virtual
 * host's own digest, which is remembered per instance (the mappers keep unchanged virtual hosts'
 * instances). Still a function of the content alone, so it is the same in every process. {@link
 * #roll()} forgets the digests of virtual hosts not versioned since the previous roll. Not
 * thread-safe.
 */
final class RouteConfigurationVersions {
  private Map<VirtualHost, byte[]> current = new IdentityHashMap<>();
  private Map<VirtualHost, byte[]> previous = new IdentityHashMap<>();

  String of(RouteConfiguration config) {
    return ContentVersions.ofParts(
        config.toBuilder().clearVirtualHosts().build(),
        config.getVirtualHostsList().stream().map(this::digest).toList());
  }

  /** The virtual host digests held. */
  int size() {
    return current.size() + previous.size();
  }

  void roll() {
    previous = current;
    current = new IdentityHashMap<>();
  }

  private byte[] digest(VirtualHost host) {
    byte[] digest = current.get(host);
    if (digest == null) {
      digest = previous.get(host);
      if (digest == null) {
        digest = ContentVersions.digest(host);
      }
      current.put(host, digest);
    }
    return digest;
  }
}
