package io.gatewire.adapters.xds.serve;

import static io.gatewire.adapters.xds.serve.ServingFixtures.CART_CLUSTER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.EDGE;
import static io.gatewire.adapters.xds.serve.ServingFixtures.EDGE_LISTENER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.SHOP;
import static io.gatewire.adapters.xds.serve.ServingFixtures.SHOP_LISTENER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.WEB_CLUSTER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.fixture;
import static io.gatewire.adapters.xds.serve.XdsTypes.CDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.EDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.LDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.RDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.originName;
import static io.gatewire.adapters.xds.serve.XdsTypes.unpack;
import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateOfTheWorldAdsTest {
  private static final Duration QUIET = Duration.ofMillis(300);
  private static final Duration STORM_WINDOW = Duration.ofMillis(1500);

  @Test
  void envoyLikeSession_getsEveryTypeWithItsMetadata_andNothingMoreAfterAcking() throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir());
        AdsTestClient client = harness.client("envoy-1", SHOP)) {
      AdsTestClient.Sotw ads = client.stateOfTheWorld();

      DiscoveryResponse clusters = ads.subscribe(CDS);
      assertThat(unpack(clusters, Cluster.class))
          .extracting(Cluster::getName)
          .containsExactly(CART_CLUSTER, WEB_CLUSTER);
      assertThat(originName(unpack(clusters, Cluster.class).get(0).getMetadata()))
          .isEqualTo("cart");
      ads.ack(clusters);

      DiscoveryResponse endpoints = ads.subscribe(EDS, CART_CLUSTER, WEB_CLUSTER);
      LocalityLbEndpoints cartLocality =
          unpack(endpoints, ClusterLoadAssignment.class).get(0).getEndpoints(0);
      assertThat(cartLocality.getLocality().getRegion()).isEqualTo(CART_CLUSTER + "/backend/0");
      assertThat(originName(cartLocality.getMetadata())).isEqualTo("cart-svc");
      ads.ack(endpoints);

      DiscoveryResponse listeners = ads.subscribe(LDS);
      assertThat(unpack(listeners, Listener.class))
          .extracting(Listener::getName)
          .containsExactly(SHOP_LISTENER);
      ads.ack(listeners);

      DiscoveryResponse routes = ads.subscribe(RDS, SHOP_LISTENER);
      RouteConfiguration routeConfig = unpack(routes, RouteConfiguration.class).get(0);
      assertThat(originName(routeConfig.getVirtualHosts(0).getRoutes(0).getMetadata()))
          .isEqualTo("cart");
      ads.ack(routes);

      for (String type : new String[] {CDS, EDS, LDS, RDS}) {
        assertThat(ads.within(type, QUIET)).as(type).isEmpty();
      }
      assertThat(ads.ended()).isNull();
    }
  }

  @Test
  void nack_isLoggedOnceAndCountedOnce_andItsVersionIsNotResentUntilTheConfigurationChanges()
      throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir());
        AdsTestClient client = harness.client("envoy-edge", EDGE)) {
      AdsTestClient.Sotw ads = client.stateOfTheWorld();
      DiscoveryResponse accepted = ads.subscribe(LDS);
      ads.ack(accepted);

      harness.publish(fixture().withEdgePort(9191).build());
      DiscoveryResponse rejected = ads.next(LDS);
      ads.nack(rejected, accepted.getVersionInfo(), "cannot bind 0.0.0.0:9191");

      assertThat(ads.within(LDS, STORM_WINDOW)).as("responses after the NACK").isEmpty();
      assertThat(harness.logLinesContaining("NACK"))
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .contains(
                          "envoy-edge",
                          EDGE,
                          "Listener",
                          rejected.getVersionInfo(),
                          "cannot bind 0.0.0.0:9191"));
      assertThat(harness.counter("gatewire.xds.nacks", "type", "Listener")).isEqualTo(1);
      assertThat(harness.counter("gatewire.xds.nacks", "type", "Cluster")).isZero();

      harness.publish(fixture().withEdgePort(9292).build());
      DiscoveryResponse fixed = ads.next(LDS);
      assertThat(fixed.getVersionInfo())
          .isNotIn(accepted.getVersionInfo(), rejected.getVersionInfo());
      assertThat(
              unpack(fixed, Listener.class).get(0).getAddress().getSocketAddress().getPortValue())
          .isEqualTo(9292);
      ads.ack(fixed);
      assertThat(ads.within(LDS, QUIET)).isEmpty();
      assertThat(ads.ended()).isNull();
    }
  }

  @Test
  void nackOfTheFirstResponseToNamedResources_isNotResentEither() throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir());
        AdsTestClient client = harness.client("envoy-1", SHOP)) {
      AdsTestClient.Sotw ads = client.stateOfTheWorld();
      DiscoveryResponse rejected = ads.subscribe(EDS, CART_CLUSTER, WEB_CLUSTER);
      ads.nack(rejected, "", "bad endpoint");

      assertThat(ads.within(EDS, STORM_WINDOW)).isEmpty();
      assertThat(harness.counter("gatewire.xds.nacks", "type", "ClusterLoadAssignment"))
          .isEqualTo(1);

      harness.publish(fixture().withWebAddress("10.0.0.9").build());
      DiscoveryResponse changed = ads.next(EDS);
      assertThat(unpack(changed, ClusterLoadAssignment.class))
          .extracting(ClusterLoadAssignment::getClusterName)
          .containsExactly(CART_CLUSTER, WEB_CLUSTER);
    }
  }

  @Test
  void nackOfAVersionAlreadyReplaced_getsTheCurrentVersionAtOnce() throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir());
        AdsTestClient client = harness.client("envoy-edge", EDGE)) {
      AdsTestClient.Sotw ads = client.stateOfTheWorld();
      DiscoveryResponse accepted = ads.subscribe(LDS);
      ads.ack(accepted);
      harness.publish(fixture().withEdgePort(9191).build());
      DiscoveryResponse rejected = ads.next(LDS);

      harness.publish(fixture().withEdgePort(9292).build());
      ads.nack(rejected, accepted.getVersionInfo(), "cannot bind 0.0.0.0:9191");

      DiscoveryResponse current = ads.next(LDS);
      assertThat(
              unpack(current, Listener.class).get(0).getAddress().getSocketAddress().getPortValue())
          .isEqualTo(9292);
      assertThat(unpack(current, Listener.class))
          .extracting(Listener::getName)
          .containsExactly(EDGE_LISTENER);
    }
  }

  @Test
  void nodeSentOnlyOnTheFirstRequest_staysInItsGroup() throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir());
        AdsTestClient client = harness.client("envoy-once", SHOP)) {
      AdsTestClient.Sotw ads = client.stateOfTheWorldNodeOnce();
      ads.ack(ads.subscribe(CDS));

      assertThat(ads.within(CDS, QUIET)).as("no push of another group's clusters").isEmpty();
      assertThat(harness.logLinesContaining("no known Gateway")).isEmpty();
      harness.publish(fixture().withoutCartRoute().build());
      assertThat(unpack(ads.next(CDS), Cluster.class))
          .extracting(Cluster::getName)
          .containsExactly(WEB_CLUSTER);
    }
  }
}
