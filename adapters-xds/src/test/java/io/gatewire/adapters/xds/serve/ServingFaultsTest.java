package io.gatewire.adapters.xds.serve;

import static io.gatewire.adapters.xds.serve.ServingFixtures.CART_CLUSTER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.SHOP;
import static io.gatewire.adapters.xds.serve.ServingFixtures.WEB_CLUSTER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.fixture;
import static io.gatewire.adapters.xds.serve.XdsTypes.CDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.EDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Faults from clients (docs/reliability.md): connections cut mid-stream and clients that reject
 * every version. Counts are asserted, never times; waits only bound how long a test may take.
 */
class ServingFaultsTest {
  private static final Duration QUIET = Duration.ofMillis(300);

  /** What is left to wait for once one quiet window passed for every stream at once. */
  private static final Duration AFTER_QUIET = Duration.ofMillis(1);

  private static final int STORM_CLIENTS = 20;
  private static final int STORM_VERSIONS = 3;

  @Test
  void clientCutMidStream_othersKeepBeingServed_andItsStreamAndWatchesAreGone() throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir());
        AdsTestClient stays = harness.client("envoy-stays", SHOP);
        AdsTestClient leaves = harness.client("envoy-leaves", SHOP)) {
      AdsTestClient.Sotw kept = stays.stateOfTheWorld();
      kept.ack(kept.subscribe(CDS));
      kept.ack(kept.subscribe(EDS, CART_CLUSTER, WEB_CLUSTER));
      AdsTestClient.Delta cut = leaves.delta();
      cut.ack(cut.subscribe(CDS));
      cut.ack(cut.subscribe(EDS, CART_CLUSTER, WEB_CLUSTER));
      awaitTrue(
          () -> harness.serving.internalSizes().get("cacheWatches") == 4, "two watches per stream");
      assertThat(harness.serving.connectedStreams()).isEqualTo(2);

      leaves.close();
      awaitTrue(() -> harness.serving.connectedStreams() == 1, "the cut stream is closed");
      awaitTrue(
          () -> harness.serving.internalSizes().get("cacheWatches") == 2,
          "the cut stream's watches are gone");

      harness.publish(fixture().withWebAddress("10.0.0.9").build());
      DiscoveryResponse changed = kept.next(EDS);
      assertThat(changed.getVersionInfo()).isNotEmpty();
      kept.ack(changed);
      assertThat(kept.within(CDS, QUIET)).as("clusters did not change").isEmpty();
      assertThat(kept.ended()).isNull();
      awaitTrue(
          () -> harness.serving.internalSizes().get("cacheWatches") == 2,
          "one watch per type again");
    }
  }

  @Test
  void nackStorm_eachClientGetsEachVersionOnce_andNoWatchOutlivesTheClients() throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir())) {
      List<AdsTestClient> clients = new ArrayList<>();
      List<AdsTestClient.Sotw> sotw = new ArrayList<>();
      List<AdsTestClient.Delta> delta = new ArrayList<>();
      for (int i = 0; i < STORM_CLIENTS; i++) {
        AdsTestClient client = harness.client("envoy-nack-" + i, SHOP);
        clients.add(client);
        if (i % 2 == 0) {
          AdsTestClient.Sotw stream = client.stateOfTheWorld();
          stream.nack(
              stream.subscribe(EDS, CART_CLUSTER, WEB_CLUSTER), "", "rejected by the storm");
          sotw.add(stream);
        } else {
          AdsTestClient.Delta stream = client.delta();
          stream.nack(stream.subscribe(EDS, CART_CLUSTER, WEB_CLUSTER), "rejected by the storm");
          delta.add(stream);
        }
      }
      for (int version = 1; version <= STORM_VERSIONS; version++) {
        awaitTrue(
            () -> harness.serving.internalSizes().get("parkedWatches") == STORM_CLIENTS,
            "every NACKed watch parked");
        harness.publish(fixture().withWebAddress("10.0.0." + (10 + version)).build());
        for (AdsTestClient.Sotw stream : sotw) {
          DiscoveryResponse next = stream.next(EDS);
          stream.nack(next, "", "rejected by the storm");
        }
        for (AdsTestClient.Delta stream : delta) {
          DeltaDiscoveryResponse next = stream.next(EDS);
          stream.nack(next, "rejected by the storm");
        }
      }

      Thread.sleep(QUIET.toMillis());
      for (AdsTestClient.Sotw stream : sotw) {
        assertThat(stream.within(EDS, AFTER_QUIET)).as("no resend of a rejected version").isEmpty();
      }
      for (AdsTestClient.Delta stream : delta) {
        assertThat(stream.within(EDS, AFTER_QUIET)).as("no resend of a rejected version").isEmpty();
      }
      assertThat(harness.counter("gatewire.xds.nacks", "type", "ClusterLoadAssignment"))
          .as("one NACK counted per client per version")
          .isEqualTo(STORM_CLIENTS * (STORM_VERSIONS + 1));
      for (AdsTestClient client : clients) {
        client.close();
      }
      awaitTrue(() -> harness.serving.connectedStreams() == 0, "every stream closed");
      awaitTrue(
          () ->
              harness.serving.internalSizes().get("parkedWatches") == 0
                  && harness.serving.internalSizes().get("cacheWatches") == 0,
          "no watch left");
    }
  }

  @Test
  void internalSizes_shrinkWhenRoutesGoAway() {
    try (ServingHarness harness = ServingHarness.started()) {
      harness.publish(fixture().withSearchRoute().build());
      int metadataWithSearch = harness.serving.internalSizes().get("memo.xds.metadata");
      int versionedWithSearch = harness.serving.internalSizes().get("memo.xds.versions");

      harness.publish(fixture().withoutCartRoute().build());

      assertThat(harness.serving.internalSizes().get("memo.xds.metadata"))
          .isLessThan(metadataWithSearch);
      assertThat(harness.serving.internalSizes().get("memo.xds.versions"))
          .isLessThan(versionedWithSearch);
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + AdsTestClient.WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for: %s", what).isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
