package io.gatewire.domain.ir;

import io.gatewire.domain.metadata.ResourceMetadata;
import java.util.List;

/**
 * One virtual host: a single domain (a hostname, a {@code *.suffix} wildcard or {@code *}) and its
 * routes in Gateway API precedence order, so Envoy's first match is the right one.
 */
public record IrVirtualHost(
    String name, List<String> domains, List<IrRoute> routes, ResourceMetadata metadata) {
  public IrVirtualHost {
    domains = List.copyOf(domains);
    routes = List.copyOf(routes);
  }
}
