package io.gatewire.domain.ir;

import java.util.List;

/**
 * A route configuration: the virtual hosts of one Envoy listener (or TLS chain), sorted by name.
 */
public record IrRouteConfig(String name, List<IrVirtualHost> virtualHosts) {
  public IrRouteConfig {
    virtualHosts = List.copyOf(virtualHosts);
  }
}
