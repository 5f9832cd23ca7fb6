package io.gatewire.adapters.xds.mapping;

import static io.gatewire.adapters.xds.testing.IrFixtures.endpoint;
import static io.gatewire.adapters.xds.testing.IrFixtures.locality;
import static io.gatewire.adapters.xds.testing.IrFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.cluster.v3.Cluster.DiscoveryType;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import io.gatewire.adapters.xds.testing.IrFixtures;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.metadata.ResourceMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterMapperTest {
  private final MetadataMapper metadata = new MetadataMapper(MetadataOptions.DEFAULTS);
  private final ClusterMapper mapper = new ClusterMapper(metadata, new EndpointMapper(metadata));

  @Test
  void edsCluster_getsItsEndpointsOverAdsUnderItsOwnName() {
    Cluster cluster = mapper.map(IrFixtures.seedCluster());

    assertThat(cluster.getName()).isEqualTo(IrFixtures.SEED_CLUSTER);
    assertThat(cluster.getType()).isEqualTo(DiscoveryType.EDS);
    assertThat(cluster.getEdsClusterConfig().getServiceName()).isEqualTo(IrFixtures.SEED_CLUSTER);
    assertThat(cluster.getEdsClusterConfig().getEdsConfig().hasAds()).isTrue();
    assertThat(cluster.getEdsClusterConfig().getEdsConfig().getResourceApiVersion())
        .isEqualTo(ApiVersion.V3);
    assertThat(cluster.hasLoadAssignment()).isFalse();
  }

  @Test
  void everyCluster_hasTenSecondConnectTimeoutAndLocalityWeightedBalancing() {
    Cluster cluster = mapper.map(IrFixtures.seedCluster());

    assertThat(cluster.getConnectTimeout()).isEqualTo(Duration.newBuilder().setSeconds(10).build());
    assertThat(cluster.getCommonLbConfig().hasLocalityWeightedLbConfig()).isTrue();
  }

  @Test
  void dnsCluster_carriesItsEndpointsInline() {
    Cluster cluster =
        mapper.map(
            new IrCluster(
                "dns",
                IrCluster.Discovery.STRICT_DNS,
                IrCluster.Protocol.HTTP1,
                List.of(
                    locality(
                        "dns/backend/0",
                        2,
                        service("ns", "ext", 443),
                        endpoint("api.example.net", 443))),
                ResourceMetadata.NONE));

    assertThat(cluster.getType()).isEqualTo(DiscoveryType.STRICT_DNS);
    assertThat(cluster.getDnsLookupFamily()).isEqualTo(Cluster.DnsLookupFamily.V4_PREFERRED);
    assertThat(cluster.hasEdsClusterConfig()).isFalse();
    assertThat(cluster.getLoadAssignment().getClusterName()).isEqualTo("dns");
    assertThat(cluster.getLoadAssignment().getEndpoints(0).getLoadBalancingWeight().getValue())
        .isEqualTo(2);
    assertThat(
            cluster
                .getLoadAssignment()
                .getEndpoints(0)
                .getLbEndpoints(0)
                .getEndpoint()
                .getAddress()
                .getSocketAddress()
                .getAddress())
        .isEqualTo("api.example.net");
  }

  @Test
  void http2Cluster_getsExplicitHttp2ProtocolOptions() throws Exception {
    Cluster cluster =
        mapper.map(
            new IrCluster(
                "grpc",
                IrCluster.Discovery.EDS,
                IrCluster.Protocol.HTTP2,
                List.of(),
                ResourceMetadata.NONE));

    HttpProtocolOptions options =
        cluster
            .getTypedExtensionProtocolOptionsOrThrow(
                "envoy.extensions.upstreams.http.v3.HttpProtocolOptions")
            .unpack(HttpProtocolOptions.class);
    assertThat(options.getExplicitHttpConfig().hasHttp2ProtocolOptions()).isTrue();
  }

  @Test
  void http1Cluster_hasNoProtocolOptions() {
    assertThat(mapper.map(IrFixtures.seedCluster()).getTypedExtensionProtocolOptionsMap())
        .isEmpty();
  }

  @Test
  void cluster_carriesTheRouteItServesAsMetadata_andNoneWithoutOrigin() {
    assertThat(mapper.map(IrFixtures.seedCluster()).getMetadata())
        .isEqualTo(metadata.map(IrFixtures.seedRoute()).orElseThrow());
    assertThat(
            mapper
                .map(
                    new IrCluster(
                        "bare",
                        IrCluster.Discovery.EDS,
                        IrCluster.Protocol.HTTP1,
                        List.of(),
                        ResourceMetadata.NONE))
                .hasMetadata())
        .isFalse();
  }
}
