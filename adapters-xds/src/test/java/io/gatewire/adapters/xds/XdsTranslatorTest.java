package io.gatewire.adapters.xds;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.gatewire.adapters.xds.testing.IrFixtures;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.metadata.ResourceMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class XdsTranslatorTest {
  private final XdsTranslator translator = new XdsTranslator(MetadataOptions.DEFAULTS);

  @Test
  void everyIrObject_becomesOneResource_sortedByName() {
    XdsResources resources = translator.translate(IrFixtures.rich());

    assertThat(resources.listeners())
        .extracting(Listener::getName)
        .containsExactly("infra/gw/http", "infra/gw/https");
    assertThat(resources.routes())
        .extracting(RouteConfiguration::getName)
        .containsExactly("infra/gw/http", "infra/gw/https/api");
    assertThat(resources.clusters())
        .extracting(Cluster::getName)
        .containsExactly(
            "grpcroute/shop/api/rule/0",
            "httproute/myns/myroute/rule/0",
            "httproute/shop/web/rule/0",
            "httproute/shop/web/rule/0/mirror/0",
            "httproute/shop/web/rule/1");
    assertThat(resources.secrets()).extracting(Secret::getName).containsExactly("infra/api-cert");
  }

  @Test
  void onlyEdsClusters_getAnAssignment_evenWithoutLocalities() {
    XdsResources resources = translator.translate(IrFixtures.rich());

    assertThat(resources.endpoints())
        .extracting(ClusterLoadAssignment::getClusterName)
        .containsExactly(
            "grpcroute/shop/api/rule/0",
            "httproute/myns/myroute/rule/0",
            "httproute/shop/web/rule/0",
            "httproute/shop/web/rule/0/mirror/0");
    assertThat(resources.endpoints().get(3).getEndpointsList()).isEmpty();
  }

  @Test
  void resources_areSortedWhateverOrderTheyArriveIn() {
    IrCluster b =
        new IrCluster(
            "b",
            IrCluster.Discovery.EDS,
            IrCluster.Protocol.HTTP1,
            List.of(),
            ResourceMetadata.NONE);
    IrCluster a =
        new IrCluster(
            "a",
            IrCluster.Discovery.EDS,
            IrCluster.Protocol.HTTP1,
            List.of(),
            ResourceMetadata.NONE);
    XdsResources viaIr =
        translator.translate(
            new IrGateway("ns/gw", List.of(), List.of(), List.of(b, a), List.of()));
    XdsResources direct =
        new XdsResources(
            List.of(),
            List.of(),
            List.of(viaIr.clusters().get(1), viaIr.clusters().get(0)),
            List.of(viaIr.endpoints().get(1), viaIr.endpoints().get(0)),
            List.of());

    assertThat(direct.clusters()).extracting(Cluster::getName).containsExactly("a", "b");
    assertThat(direct.endpoints())
        .extracting(ClusterLoadAssignment::getClusterName)
        .containsExactly("a", "b");
    assertThat(direct).isEqualTo(viaIr);
  }
}
