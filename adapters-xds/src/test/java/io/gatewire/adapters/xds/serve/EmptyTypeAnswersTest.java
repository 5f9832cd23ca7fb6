package io.gatewire.adapters.xds.serve;

import static io.gatewire.adapters.xds.serve.XdsTypes.CDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.EDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.LDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.RDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.SDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.names;
import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.metadata.MetadataOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every xDS type that can be empty gets a prompt first answer over both protocols, so a client
 * waiting for its initial fetch (Envoy: {@code initial_fetch_timeout}) is not left waiting: before
 * the fix, delta never answered a subscription for a type the snapshot held nothing of.
 */
class EmptyTypeAnswersTest {
  private static final Ir NOTHING = new Ir(List.of());
  private static final Duration QUIET = Duration.ofMillis(300);

  /** Secrets allowed on plaintext streams, so the SDS subscription is not refused. */
  private static ServingHarness harness() {
    return ServingHarness.started(
        new ServingOptions(0, MetadataOptions.DEFAULTS, Optional.empty(), true, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {CDS, LDS, RDS, EDS, SDS})
  void delta_firstSubscriptionToAnEmptyType_isAnsweredEmpty(String type) throws Exception {
    try (ServingHarness harness = harness().publish(NOTHING);
        AdsTestClient client = harness.client("envoy-delta", "apps/redirect-only")) {
      AdsTestClient.Delta ads = client.delta();

      DeltaDiscoveryResponse response = ads.subscribe(type);

      assertThat(response.getResourcesList()).isEmpty();
      assertThat(response.getRemovedResourcesList()).isEmpty();
      assertThat(response.getSystemVersionInfo()).isNotEmpty();
      ads.ack(response);
      assertThat(ads.within(type, QUIET)).as("one answer, not a loop").isEmpty();
      assertThat(harness.serving.internalSizes().get("firstDeltaWatches")).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {CDS, LDS, RDS, EDS, SDS})
  void stateOfTheWorld_firstSubscriptionToAnEmptyType_isAnsweredEmpty(String type)
      throws Exception {
    try (ServingHarness harness = harness().publish(NOTHING);
        AdsTestClient client = harness.client("envoy-sotw", "apps/redirect-only")) {
      AdsTestClient.Sotw ads = client.stateOfTheWorld();

      DiscoveryResponse response = ads.subscribe(type);

      assertThat(response.getResourcesList()).isEmpty();
      assertThat(response.getVersionInfo()).isNotEmpty();
    }
  }

  @Test
  void delta_subscriptionMadeBeforeTheFirstPublish_isAnsweredWhenItComesEvenIfEmpty()
      throws Exception {
    try (ServingHarness harness = harness();
        AdsTestClient client = harness.client("envoy-delta", "apps/redirect-only")) {
      AdsTestClient.Delta ads = client.delta();
      ads.request(CDS);
      assertThat(ads.within(CDS, QUIET)).as("nothing to answer from yet").isEmpty();

      harness.publish(NOTHING);

      DeltaDiscoveryResponse response = ads.next(CDS);
      assertThat(response.getResourcesList()).isEmpty();
      assertThat(harness.serving.internalSizes().get("firstDeltaWatches")).isZero();
    }
  }

  @Test
  void delta_afterTheEmptyAnswer_clustersThatAppearAreSent() throws Exception {
    try (ServingHarness harness = harness().publish(NOTHING);
        AdsTestClient client = harness.client("envoy-delta", "apps/redirect-only")) {
      AdsTestClient.Delta ads = client.delta();
      ads.ack(ads.subscribe(CDS));

      harness.publish(ServingFixtures.ir());

      assertThat(names(ads.next(CDS))).contains(ServingFixtures.WEB_CLUSTER);
    }
  }

  @Test
  void delta_typeWithResources_isAnsweredByTheCacheAlone() throws Exception {
    try (ServingHarness harness = harness().publish(ServingFixtures.ir());
        AdsTestClient client = harness.client("envoy-delta", ServingFixtures.SHOP)) {
      AdsTestClient.Delta ads = client.delta();

      DeltaDiscoveryResponse clusters = ads.subscribe(CDS);

      assertThat(names(clusters))
          .containsExactly(ServingFixtures.CART_CLUSTER, ServingFixtures.WEB_CLUSTER);
      assertThat(ads.within(CDS, QUIET)).as("no second, empty answer").isEmpty();
    }
  }
}
