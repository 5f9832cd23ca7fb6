package io.gatewire.adapters.xds.mapping;

import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.settings.GatewaySettings;
import java.util.Objects;

/**
 * What the mappers know of the Gateway whose resources they build: its namespace and name, and its
 * resolved proxy settings (docs/proxy-settings.md).
 *
 * @param namespace the Gateway's namespace ({@code *} for a merged configuration)
 * @param name the Gateway's name (empty for a merged configuration)
 */
public record GatewayContext(String namespace, String name, GatewaySettings settings) {
  public GatewayContext {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(settings, "settings");
  }

  /** The context of {@code gateway}, whose key is {@code namespace/name}. */
  public static GatewayContext of(IrGateway gateway) {
    int slash = gateway.key().indexOf('/');
    return slash < 0
        ? new GatewayContext(gateway.key(), "", gateway.settings())
        : new GatewayContext(
            gateway.key().substring(0, slash),
            gateway.key().substring(slash + 1),
            gateway.settings());
  }
}
