package io.gatewire.adapters.xds.mapping;

import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.core.v3.Locality;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.gatewire.domain.incremental.Memo;
import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrEndpoint;
import io.gatewire.domain.ir.IrLocality;
import java.util.List;

/**
 * The endpoints of an {@link IrCluster} as a ClusterLoadAssignment named like the cluster: one
 * LocalityLbEndpoints per backendRef (region {@code <cluster>/backend/<k>}, weighted by the ref's
 * weight, with the backend as metadata and as zone, see {@link BackendZones}), even when it has no
 * endpoint yet. Routes sharing a backend share one instance of each of its endpoints ({@link
 * #LB_ENDPOINTS}).
 */
public final class EndpointMapper {
  /** LbEndpoints by IR endpoint: equal endpoints, one instance. */
  static final String LB_ENDPOINTS = "xds.lbEndpoints";

  private final MetadataMapper metadata;
  private final Memo<IrEndpoint, LbEndpoint> endpoints;

  public EndpointMapper(MetadataMapper metadata) {
    this(metadata, new Memos());
  }

  /** Sharing endpoints through {@code memos}. */
  public EndpointMapper(MetadataMapper metadata, Memos memos) {
    this.metadata = metadata;
    this.endpoints = memos.memo(LB_ENDPOINTS);
  }

  public ClusterLoadAssignment map(IrCluster cluster) {
    return assignment(cluster.name(), cluster.localities().stream().map(this::locality).toList());
  }

  /** The assignment of cluster {@code name} with {@code localities}, mapped already. */
  public static ClusterLoadAssignment assignment(
      String name, List<LocalityLbEndpoints> localities) {
    return ClusterLoadAssignment.newBuilder()
        .setClusterName(name)
        .addAllEndpoints(localities)
        .build();
  }

  public LocalityLbEndpoints locality(IrLocality locality) {
    LocalityLbEndpoints.Builder builder =
        LocalityLbEndpoints.newBuilder()
            .setLocality(
                Locality.newBuilder()
                    .setRegion(locality.region())
                    .setZone(BackendZones.of(locality.metadata())))
            .setLoadBalancingWeight(UInt32Value.of(locality.weight()));
    locality
        .endpoints()
        .forEach(
            endpoint ->
                builder.addLbEndpoints(
                    endpoints.get(endpoint, endpoint, () -> endpoint(endpoint))));
    metadata.map(locality.metadata()).ifPresent(builder::setMetadata);
    return builder.build();
  }

  private LbEndpoint endpoint(IrEndpoint endpoint) {
    LbEndpoint.Builder builder =
        LbEndpoint.newBuilder()
            .setEndpoint(
                Endpoint.newBuilder()
                    .setAddress(SocketAddresses.tcp(endpoint.address(), endpoint.port())));
    metadata.map(endpoint.metadata()).ifPresent(builder::setMetadata);
    return builder.build();
  }
}
