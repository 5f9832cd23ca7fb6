package io.gatewire.domain.ir;

import java.util.List;

/**
 * One Envoy listener: every Gateway listener of one Gateway on one port shares it. Plain HTTP uses
 * {@code routeConfigName} through RDS; HTTPS adds one TLS filter chain per server name in
 * {@code tlsChains}, each routing through its own route configuration.
 */
public record IrListener(String name, String address, int port, String routeConfigName, List<IrTlsChain> tlsChains) {
  public IrListener {
    tlsChains = tlsChains == null ? List.of() : List.copyOf(tlsChains);
  }

  /** A TLS-terminating filter chain: SNI server names, the SDS secret names, the routes. */
  public record IrTlsChain(String name, List<String> serverNames, List<String> secretNames, String routeConfigName) {
    public IrTlsChain {
      serverNames = List.copyOf(serverNames);
      secretNames = List.copyOf(secretNames);
    }
  }
}
