package io.gatewire.domain.ir;

import io.gatewire.domain.metadata.ResourceMetadata;
import java.util.List;

/**
 * One upstream cluster for one route rule: a locality per backendRef (weighted by the ref's
 * weight). EDS clusters get their endpoints through a ClusterLoadAssignment of the same name;
 * STRICT_DNS clusters (any FQDN endpoint) carry them inline.
 */
public record IrCluster(
    String name,
    Discovery discovery,
    Protocol protocol,
    List<IrLocality> localities,
    ResourceMetadata metadata) {
  public IrCluster {
    localities = List.copyOf(localities);
  }

  /** How Envoy finds the endpoints. */
  public enum Discovery {
    EDS,
    STRICT_DNS
  }

  /**
   * The upstream protocol: HTTP/1.1, HTTP/2 for gRPC and h2c backends, or L4 for TLS, TCP and UDP
   * routes, whose connections and datagrams are forwarded as they are.
   */
  public enum Protocol {
    HTTP1,
    HTTP2,
    L4
  }

  /** The same cluster reached from another origin: one cluster, every origin once. */
  public IrCluster mergeOrigins(IrCluster other) {
    return new IrCluster(name, discovery, protocol, localities, metadata.union(other.metadata));
  }
}
