package io.gatewire.adapters.xds.serve;

import static io.gatewire.adapters.xds.serve.ServingFixtures.SHOP;
import static io.gatewire.adapters.xds.serve.ServingFixtures.WEB_CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.controlplane.cache.Resources;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrEndpoint;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrLocality;
import io.gatewire.domain.metadata.MetadataOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An IR that differs only in one EDS cluster's endpoints re-versions that assignment and nothing
 * else.
 */
class EndpointOnlyPublishTest {
  @Test
  void movedEndpoint_replacesOnlyItsAssignment_andServesWhatAFreshServerServes() {
    IrGateway shop = ServingFixtures.gateway(ServingFixtures.ir(), SHOP);
    XdsServing serving = serving();
    serving.publish(new Ir(List.of(shop)));
    ContentVersionedSnapshot before = (ContentVersionedSnapshot) serving.servedSnapshot(SHOP);

    Ir moved = new Ir(List.of(withEndpointMoved(shop, WEB_CLUSTER)));
    serving.publish(moved);

    ContentVersionedSnapshot after = (ContentVersionedSnapshot) serving.servedSnapshot(SHOP);
    assertThat(serving.servedSnapshot(NodeGroups.MERGED)).isSameAs(after);
    assertThat(after.listeners()).isSameAs(before.listeners());
    assertThat(after.routes()).isSameAs(before.routes());
    assertThat(after.clusters()).isSameAs(before.clusters());
    assertThat(after.endpoints().versionedResources().get(WEB_CLUSTER).version())
        .isNotEqualTo(before.endpoints().versionedResources().get(WEB_CLUSTER).version());
    before
        .endpoints()
        .versionedResources()
        .forEach(
            (name, resource) -> {
              if (!name.equals(WEB_CLUSTER)) {
                assertThat(after.endpoints().versionedResources().get(name))
                    .as(name)
                    .isSameAs(resource);
              }
            });

    XdsServing fresh = serving();
    fresh.publish(moved);
    assertThat(after.resources()).isEqualTo(fresh.servedResources(SHOP));
    for (Resources.ResourceType type : Resources.RESOURCE_TYPES_IN_ORDER) {
      assertThat(after.version(type))
          .as(type.name())
          .isEqualTo(fresh.servedSnapshot(SHOP).version(type));
    }
  }

  /**
   * Past the bound of patches a full publish prunes what the patches left behind; the result stays
   * the same.
   */
  @Test
  void manyEndpointOnlyPublishes_keepServingWhatAFreshServerServes() {
    IrGateway shop = ServingFixtures.gateway(ServingFixtures.ir(), SHOP);
    Ir original = new Ir(List.of(shop));
    Ir moved = new Ir(List.of(withEndpointMoved(shop, WEB_CLUSTER)));
    XdsServing serving = serving();
    for (int i = 0; i < 150; i++) {
      Ir ir = i % 2 == 0 ? original : moved;
      serving.publish(ir);
      XdsServing fresh = serving();
      fresh.publish(ir);
      assertThat(serving.servedResources(SHOP))
          .as("publish " + i)
          .isEqualTo(fresh.servedResources(SHOP));
      for (Resources.ResourceType type : Resources.RESOURCE_TYPES_IN_ORDER) {
        assertThat(serving.servedSnapshot(SHOP).version(type))
            .as("publish " + i + " " + type.name())
            .isEqualTo(fresh.servedSnapshot(SHOP).version(type));
      }
    }
  }

  private static XdsServing serving() {
    return new XdsServing(
        new ServingOptions(0, MetadataOptions.DEFAULTS), new SimpleMeterRegistry());
  }

  /**
   * The gateway with the first endpoint of {@code clusterName} at another address; every other part
   * the same instance.
   */
  private static IrGateway withEndpointMoved(IrGateway gateway, String clusterName) {
    List<IrCluster> clusters = new ArrayList<>();
    for (IrCluster cluster : gateway.clusters()) {
      if (!cluster.name().equals(clusterName)) {
        clusters.add(cluster);
        continue;
      }
      assertThat(cluster.discovery()).isEqualTo(IrCluster.Discovery.EDS);
      List<IrLocality> localities = new ArrayList<>(cluster.localities());
      IrLocality first = localities.get(0);
      List<IrEndpoint> endpoints = new ArrayList<>(first.endpoints());
      IrEndpoint endpoint = endpoints.get(0);
      endpoints.set(0, new IrEndpoint("10.99.99.99", endpoint.port(), endpoint.metadata()));
      localities.set(
          0, new IrLocality(first.region(), first.weight(), endpoints, first.metadata()));
      clusters.add(
          new IrCluster(
              cluster.name(),
              cluster.discovery(),
              cluster.protocol(),
              localities,
              cluster.metadata()));
    }
    return new IrGateway(
        gateway.key(), gateway.listeners(), gateway.routeConfigs(), clusters, gateway.secrets());
  }
}
