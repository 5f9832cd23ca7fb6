package io.gatewire.adapters.xds.mapping;

import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.core.v3.Locality;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrEndpoint;
import io.gatewire.domain.ir.IrLocality;
import java.util.List;

/**
 * The endpoints of an {@link IrCluster} as a ClusterLoadAssignment named like the cluster: one
 * LocalityLbEndpoints per backendRef (region {@code <cluster>/backend/<k>}, weighted by the ref's
 * weight, with the backend as metadata and as zone, see {@link BackendZones}), even when it has no
 * endpoint yet. Unchanged localities and assignments keep their instances.
 */
public final class EndpointMapper {
  private final MetadataMapper metadata;
  private final LiveMemo<IrLocality, LocalityLbEndpoints> localities = new LiveMemo<>();

  /**
   * Routes sharing a backend list its endpoints in several localities: one instance per endpoint.
   */
  private final LiveMemo<IrEndpoint, LbEndpoint> endpoints = new LiveMemo<>();

  private final AssemblyMemo<ClusterLoadAssignment> assignments = new AssemblyMemo<>();

  public EndpointMapper(MetadataMapper metadata) {
    this.metadata = metadata;
  }

  public ClusterLoadAssignment map(IrCluster cluster) {
    List<LocalityLbEndpoints> built =
        cluster.localities().stream().map(l -> localities.get(l, this::locality)).toList();
    return assignments.get(
        cluster.name(),
        built,
        () ->
            ClusterLoadAssignment.newBuilder()
                .setClusterName(cluster.name())
                .addAllEndpoints(built)
                .build());
  }

  /** The entries its memos hold: bounded by the IR mapped since the previous {@link #roll()}. */
  public int memoSize() {
    return localities.size() + endpoints.size() + assignments.size();
  }

  /** Forgets what was not mapped since the previous call: call at the end of a publish. */
  public void roll() {
    localities.roll();
    endpoints.roll();
    assignments.roll();
  }

  private LocalityLbEndpoints locality(IrLocality locality) {
    LocalityLbEndpoints.Builder builder =
        LocalityLbEndpoints.newBuilder()
            .setLocality(
                Locality.newBuilder()
                    .setRegion(locality.region())
                    .setZone(BackendZones.of(locality.metadata())))
            .setLoadBalancingWeight(UInt32Value.of(locality.weight()));
    locality
        .endpoints()
        .forEach(endpoint -> builder.addLbEndpoints(endpoints.get(endpoint, this::endpoint)));
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
