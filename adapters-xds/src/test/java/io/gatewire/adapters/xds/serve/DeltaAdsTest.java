package io.gatewire.adapters.xds.serve;

import static io.gatewire.adapters.xds.serve.ServingFixtures.CART_CLUSTER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.NEW_CLUSTER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.SHOP;
import static io.gatewire.adapters.xds.serve.ServingFixtures.SHOP_LISTENER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.WEB_CLUSTER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.fixture;
import static io.gatewire.adapters.xds.serve.XdsTypes.CDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.EDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.LDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.RDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.names;
import static io.gatewire.adapters.xds.serve.XdsTypes.unpack;
import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeltaAdsTest {
  private static final Duration QUIET = Duration.ofMillis(300);
  private static final Duration STORM_WINDOW = Duration.ofMillis(1500);

  @Test
  void removedRoute_removesItsClusterAndAssignment_andUnchangedResourcesAreNotResent()
      throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir());
        AdsTestClient client = harness.client("envoy-delta", SHOP)) {
      AdsTestClient.Delta ads = client.delta();
      DeltaDiscoveryResponse clusters = ads.subscribe(CDS);
      assertThat(names(clusters)).containsExactly(CART_CLUSTER, WEB_CLUSTER);
      ads.ack(clusters);
      DeltaDiscoveryResponse endpoints = ads.subscribe(EDS, CART_CLUSTER, WEB_CLUSTER);
      assertThat(names(endpoints)).containsExactly(CART_CLUSTER, WEB_CLUSTER);
      ads.ack(endpoints);
      ads.ack(ads.subscribe(LDS));
      ads.ack(ads.subscribe(RDS, SHOP_LISTENER));

      harness.publish(fixture().withoutCartRoute().build());

      DeltaDiscoveryResponse clusterRemoval = ads.next(CDS);
      assertThat(clusterRemoval.getRemovedResourcesList()).containsExactly(CART_CLUSTER);
      assertThat(clusterRemoval.getResourcesList()).as("the web cluster did not change").isEmpty();
      ads.ack(clusterRemoval);
      DeltaDiscoveryResponse endpointRemoval = ads.next(EDS);
      assertThat(endpointRemoval.getRemovedResourcesList()).containsExactly(CART_CLUSTER);
      assertThat(endpointRemoval.getResourcesList()).isEmpty();
      ads.ack(endpointRemoval);
      DeltaDiscoveryResponse routes = ads.next(RDS);
      assertThat(
              unpack(routes, RouteConfiguration.class).get(0).getVirtualHosts(0).getRoutesCount())
          .isEqualTo(1);
      ads.ack(routes);
      assertThat(ads.within(LDS, QUIET)).as("the listener did not change").isEmpty();

      harness.publish(fixture().withoutCartRoute().withSearchRoute().build());

      DeltaDiscoveryResponse clusterAddition = ads.next(CDS);
      assertThat(names(clusterAddition)).containsExactly(NEW_CLUSTER);
      assertThat(clusterAddition.getRemovedResourcesList()).isEmpty();
      assertThat(ads.ended()).isNull();
    }
  }

  @Test
  void nackOfNamedEndpoints_isLoggedOnce_andNotResentUntilTheEndpointsChange() throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir());
        AdsTestClient client = harness.client("envoy-delta", SHOP)) {
      AdsTestClient.Delta ads = client.delta();
      DeltaDiscoveryResponse rejected = ads.subscribe(EDS, CART_CLUSTER, WEB_CLUSTER);
      ads.nack(rejected, "locality weight out of range");

      assertThat(ads.within(EDS, STORM_WINDOW)).as("responses after the NACK").isEmpty();
      assertThat(harness.logLinesContaining("NACK"))
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .contains(
                          "envoy-delta",
                          "ClusterLoadAssignment",
                          rejected.getSystemVersionInfo(),
                          "locality weight out of range"));
      assertThat(harness.counter("gatewire.xds.nacks", "type", "ClusterLoadAssignment"))
          .isEqualTo(1);

      harness.publish(fixture().withWebAddress("10.0.0.9").build());
      DeltaDiscoveryResponse changed = ads.next(EDS);
      assertThat(changed.getSystemVersionInfo()).isNotEqualTo(rejected.getSystemVersionInfo());
      assertThat(unpack(changed, ClusterLoadAssignment.class))
          .extracting(ClusterLoadAssignment::getClusterName)
          .as("neither was ever accepted")
          .containsExactlyInAnyOrder(CART_CLUSTER, WEB_CLUSTER);
    }
  }

  @Test
  void ackOfANonceAlreadyNacked_neitherEndsTheStreamNorBringsTheRejectedVersionBack()
      throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir());
        AdsTestClient client = harness.client("envoy-delta", SHOP)) {
      AdsTestClient.Delta ads = client.delta();
      DeltaDiscoveryResponse rejected = ads.subscribe(EDS, WEB_CLUSTER);
      ads.nack(rejected, "bad endpoint");
      ads.ack(rejected);

      assertThat(ads.within(EDS, QUIET)).isEmpty();
      harness.publish(fixture().withWebAddress("10.0.0.9").build());
      DeltaDiscoveryResponse changed = ads.next(EDS);
      assertThat(names(changed)).containsExactly(WEB_CLUSTER);
      ads.ack(changed);
      assertThat(names(ads.subscribe(CDS)))
          .as("the stream still reads requests")
          .contains(WEB_CLUSTER);
      assertThat(ads.ended()).isNull();
      assertThat(harness.serving.connectedStreams()).isEqualTo(1);
    }
  }
}
