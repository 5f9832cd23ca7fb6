package io.gatewire.adapters.xds.mapping;

import static io.gatewire.adapters.xds.testing.IrFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.gatewire.adapters.xds.testing.IrFixtures;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrEndpoint;
import io.gatewire.domain.ir.IrLocality;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.metadata.ResourceMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointMapperTest {
  private final MetadataMapper metadata = new MetadataMapper(MetadataOptions.DEFAULTS);
  private final EndpointMapper mapper = new EndpointMapper(metadata);

  @Test
  void eachLocality_keepsItsRegionWeightAndBackend() {
    ClusterLoadAssignment assignment = mapper.map(IrFixtures.seedCluster());

    assertThat(assignment.getClusterName()).isEqualTo(IrFixtures.SEED_CLUSTER);
    assertThat(assignment.getEndpointsList())
        .extracting(l -> l.getLocality().getRegion(), l -> l.getLoadBalancingWeight().getValue())
        .containsExactly(
            tuple(IrFixtures.SEED_CLUSTER + "/backend/0", 1),
            tuple(IrFixtures.SEED_CLUSTER + "/backend/1", 1));
    assertThat(assignment.getEndpoints(1).getMetadata())
        .isEqualTo(metadata.map(ResourceMetadata.of(service("myns", "svc-2", 8080))).orElseThrow());
  }

  @Test
  void endpoints_areSocketAddresses_withoutMetadataUnlessTheIrHasSome() {
    ResourceMetadata perEndpoint = ResourceMetadata.of(service("ns", "svc", 80));
    IrCluster cluster =
        new IrCluster(
            "c",
            IrCluster.Discovery.EDS,
            IrCluster.Protocol.HTTP1,
            List.of(
                new IrLocality(
                    "c/backend/0",
                    5,
                    List.of(
                        new IrEndpoint("10.0.0.1", 80, ResourceMetadata.NONE),
                        new IrEndpoint("10.0.0.2", 81, perEndpoint)),
                    ResourceMetadata.NONE)),
            ResourceMetadata.NONE);

    LocalityLbEndpoints locality = mapper.map(cluster).getEndpoints(0);

    assertThat(locality.hasMetadata()).isFalse();
    assertThat(locality.getLbEndpointsList())
        .extracting(
            e -> e.getEndpoint().getAddress().getSocketAddress().getAddress(),
            e -> e.getEndpoint().getAddress().getSocketAddress().getPortValue(),
            LbEndpoint::hasMetadata)
        .containsExactly(tuple("10.0.0.1", 80, false), tuple("10.0.0.2", 81, true));
    assertThat(locality.getLbEndpoints(1).getMetadata())
        .isEqualTo(metadata.map(perEndpoint).orElseThrow());
  }

  @Test
  void clusterWithoutLocalities_stillGetsAnEmptyAssignment() {
    ClusterLoadAssignment assignment =
        mapper.map(
            new IrCluster(
                "empty",
                IrCluster.Discovery.EDS,
                IrCluster.Protocol.HTTP1,
                List.of(),
                ResourceMetadata.NONE));

    assertThat(assignment.getClusterName()).isEqualTo("empty");
    assertThat(assignment.getEndpointsList()).isEmpty();
  }
}
