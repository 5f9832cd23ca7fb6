package io.gatewire.adapters.xds.serve;

import static io.gatewire.adapters.xds.serve.ServingFixtures.CART_CLUSTER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.EDGE;
import static io.gatewire.adapters.xds.serve.ServingFixtures.EDGE_LISTENER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.SHOP;
import static io.gatewire.adapters.xds.serve.ServingFixtures.SHOP_LISTENER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.STATUS_CLUSTER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.WEB_CLUSTER;
import static io.gatewire.adapters.xds.serve.XdsTypes.CDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.LDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.unpack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.gatewire.domain.ir.Ir;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeGroupsTest {
  private static final Duration QUIET = Duration.ofMillis(300);
  private static final String UNKNOWN = "no known Gateway";

  @Test
  void nodeNamingAGateway_getsOnlyThatGatewaysResources() throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir());
        AdsTestClient shop = harness.client("envoy-shop", SHOP);
        AdsTestClient edge = harness.client("envoy-edge", EDGE)) {
      AdsTestClient.Sotw shopAds = shop.stateOfTheWorld();
      AdsTestClient.Sotw edgeAds = edge.stateOfTheWorld();

      assertThat(clusterNames(shopAds.subscribe(CDS))).containsExactly(CART_CLUSTER, WEB_CLUSTER);
      assertThat(listenerNames(shopAds.subscribe(LDS))).containsExactly(SHOP_LISTENER);
      assertThat(clusterNames(edgeAds.subscribe(CDS))).containsExactly(STATUS_CLUSTER);
      assertThat(listenerNames(edgeAds.subscribe(LDS))).containsExactly(EDGE_LISTENER);
      assertThat(harness.logLinesContaining(UNKNOWN)).isEmpty();
    }
  }

  @Test
  void nodeNamingNoGateway_getsEveryGatewayMerged_withOneWarningPerNodeId() throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir());
        AdsTestClient first = harness.client("stray-1", "nope/gw");
        AdsTestClient again = harness.client("stray-1", "nope/gw");
        AdsTestClient other = harness.client("stray-2", "")) {
      AdsTestClient.Sotw ads = first.stateOfTheWorld();
      DiscoveryResponse clusters = ads.subscribe(CDS);
      assertThat(clusterNames(clusters)).containsExactly(STATUS_CLUSTER, CART_CLUSTER, WEB_CLUSTER);
      ads.ack(clusters);
      assertThat(listenerNames(ads.subscribe(LDS))).containsExactly(EDGE_LISTENER, SHOP_LISTENER);
      assertThat(clusterNames(again.stateOfTheWorld().subscribe(CDS))).hasSize(3);

      assertThat(harness.logLinesContaining(UNKNOWN))
          .singleElement()
          .satisfies(
              line -> assertThat(line).contains("stray-1", "nope/gw", "[infra/edge, shop/gw]"));

      assertThat(clusterNames(other.stateOfTheWorld().subscribe(CDS))).hasSize(3);
      assertThat(harness.logLinesContaining(UNKNOWN)).hasSize(2);
      assertThat(harness.logLinesContaining("stray-2")).hasSize(1);
    }
  }

  @Test
  void nodeThatConnectedBeforeTheFirstPublish_getsItsGatewayWithoutWarning() throws Exception {
    try (ServingHarness harness = ServingHarness.started();
        AdsTestClient shop = harness.client("envoy-early", SHOP);
        AdsTestClient stray = harness.client("stray-early", "nope/gw")) {
      AdsTestClient.Sotw shopAds = shop.stateOfTheWorld();
      AdsTestClient.Sotw strayAds = stray.stateOfTheWorld();
      shopAds.request(CDS);
      strayAds.request(CDS);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> harness.serving.requestedGroups().size() == 2);
      assertThat(harness.serving.requestedGroups()).containsExactlyInAnyOrder(SHOP, "nope/gw");

      harness.publish(ServingFixtures.ir());

      DiscoveryResponse shopClusters = shopAds.next(CDS);
      assertThat(clusterNames(shopClusters)).containsExactly(CART_CLUSTER, WEB_CLUSTER);
      shopAds.ack(shopClusters);
      DiscoveryResponse strayClusters = strayAds.next(CDS);
      assertThat(clusterNames(strayClusters)).hasSize(3);
      strayAds.ack(strayClusters);
      assertThat(shopAds.within(CDS, QUIET)).isEmpty();
      assertThat(strayAds.within(CDS, QUIET))
          .as("the merged group serves the same versions")
          .isEmpty();
      assertThat(harness.logLinesContaining(UNKNOWN))
          .singleElement()
          .satisfies(line -> assertThat(line).contains("stray-early"));
    }
  }

  @Test
  void nodeOfAGatewayThatWentAway_getsTheMergedSnapshot() throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir());
        AdsTestClient edge = harness.client("envoy-edge", EDGE)) {
      AdsTestClient.Sotw ads = edge.stateOfTheWorld();
      ads.ack(ads.subscribe(CDS));
      Ir shopOnly = new Ir(List.of(ServingFixtures.gateway(ServingFixtures.ir(), SHOP)));

      harness.publish(shopOnly);

      assertThat(clusterNames(ads.next(CDS))).containsExactly(CART_CLUSTER, WEB_CLUSTER);
      assertThat(harness.serving.nodeGroups()).containsExactly("*", SHOP);
    }
  }

  private static List<String> clusterNames(DiscoveryResponse response) {
    return unpack(response, Cluster.class).stream().map(Cluster::getName).toList();
  }

  private static List<String> listenerNames(DiscoveryResponse response) {
    return unpack(response, Listener.class).stream().map(Listener::getName).toList();
  }

  @Test
  void strayNodeIds_areRememberedWithinABound_soFreshIdsCannotGrowItForever() {
    List<String> warnings = new java.util.ArrayList<>();
    NodeGroups groups = new NodeGroups(new ServingLog(warnings::add));
    groups.gatewaysAre(java.util.Set.of(SHOP));

    for (int i = 0; i < 3 * NodeGroups.MAX_REMEMBERED_STRAYS; i++) {
      assertThat(
              groups.hash(
                  io.envoyproxy.envoy.config.core.v3.Node.newBuilder()
                      .setId("stray-" + i)
                      .setCluster("nope/gw")
                      .build()))
          .isEqualTo(NodeGroups.MERGED);
      assertThat(groups.rememberedStrays()).isLessThanOrEqualTo(NodeGroups.MAX_REMEMBERED_STRAYS);
    }
    assertThat(warnings).hasSize(3 * NodeGroups.MAX_REMEMBERED_STRAYS);
    groups.hash(
        io.envoyproxy.envoy.config.core.v3.Node.newBuilder()
            .setId("stray-" + (3 * NodeGroups.MAX_REMEMBERED_STRAYS - 1))
            .setCluster("nope/gw")
            .build());
    assertThat(warnings)
        .as("a remembered id is warned about once")
        .hasSize(3 * NodeGroups.MAX_REMEMBERED_STRAYS);
  }
}
