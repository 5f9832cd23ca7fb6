package io.gatewire.domain.ir;

import io.gatewire.domain.metadata.ResourceOrigin;
import java.util.List;

/**
 * One Envoy listener: every Gateway listener of one Gateway on one port shares it. Plain HTTP uses
 * {@code routeConfigName} through RDS; HTTPS adds one TLS filter chain per server name in {@code
 * tlsChains}, each routing through its own route configuration. TLS and TCP listeners forward
 * connections through {@code proxyChains} (one per attached route and Gateway listener); a UDP
 * listener sends datagrams to {@code udpCluster} (null for every other listener), and its one proxy
 * chain names the Gateway listener and route it forwards for.
 */
public record IrListener(
    String name,
    String address,
    int port,
    String routeConfigName,
    List<IrTlsChain> tlsChains,
    List<IrProxyChain> proxyChains,
    String udpCluster) {
  public IrListener {
    tlsChains = tlsChains == null ? List.of() : List.copyOf(tlsChains);
    proxyChains = proxyChains == null ? List.of() : List.copyOf(proxyChains);
  }

  /** An HTTP or HTTPS listener. */
  public IrListener(
      String name, String address, int port, String routeConfigName, List<IrTlsChain> tlsChains) {
    this(name, address, port, routeConfigName, tlsChains, List.of(), null);
  }

  /** A TLS-terminating filter chain: SNI server names, the SDS secret names, the routes. */
  public record IrTlsChain(
      String name, List<String> serverNames, List<String> secretNames, String routeConfigName) {
    public IrTlsChain {
      serverNames = List.copyOf(serverNames);
      secretNames = List.copyOf(secretNames);
    }
  }

  /**
   * A filter chain that forwards whole connections to {@code cluster} (TLSRoute, TCPRoute). SNI
   * {@code serverNames} select it (empty: any name, or no TLS at all); non-empty {@code
   * secretNames} terminate TLS with those SDS certificates first, empty ones pass the bytes through
   * untouched. {@code invalidWeight} is the share of connections to reject (the route's invalid
   * backendRefs), against {@code backendWeight} for the cluster; 0 when every backendRef is valid.
   * {@code listener} is the Gateway listener and {@code route} the route rule (its provenance
   * entry, as on its cluster) the chain forwards for, which its access log names; both null when
   * unknown. The filter chain itself carries no metadata (docs/metadata.md).
   */
  public record IrProxyChain(
      String name,
      List<String> serverNames,
      List<String> secretNames,
      String cluster,
      long backendWeight,
      long invalidWeight,
      String listener,
      ResourceOrigin route) {
    public IrProxyChain {
      serverNames = List.copyOf(serverNames);
      secretNames = List.copyOf(secretNames);
    }

    /** A chain whose Gateway listener and route are not known. */
    public IrProxyChain(
        String name,
        List<String> serverNames,
        List<String> secretNames,
        String cluster,
        long backendWeight,
        long invalidWeight) {
      this(name, serverNames, secretNames, cluster, backendWeight, invalidWeight, null, null);
    }

    /** A chain whose route has only valid backendRefs. */
    public IrProxyChain(
        String name, List<String> serverNames, List<String> secretNames, String cluster) {
      this(name, serverNames, secretNames, cluster, 1, 0);
    }
  }
}
