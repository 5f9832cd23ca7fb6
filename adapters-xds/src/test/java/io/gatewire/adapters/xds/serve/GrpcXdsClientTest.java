package io.gatewire.adapters.xds.serve;

import static io.gatewire.adapters.xds.serve.ServingFixtures.CART_CLUSTER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.SHOP;
import static io.gatewire.adapters.xds.serve.ServingFixtures.SHOP_LISTENER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.WEB_BACKEND_0;
import static io.gatewire.adapters.xds.serve.ServingFixtures.WEB_BACKEND_1;
import static io.gatewire.adapters.xds.serve.ServingFixtures.WEB_CLUSTER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.WEB_MIRROR;
import static io.gatewire.adapters.xds.serve.ServingFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.xds.GatewireXdsTestClient;
import io.grpc.xds.GatewireXdsTestClient.Kind;
import io.grpc.xds.GatewireXdsTestClient.ResourceState;
import io.grpc.xds.GatewireXdsTestClient.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** gRPC's xDS client, an independent implementation, against the server. */
class GrpcXdsClientTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void grpcClient_acksEveryResource_seesTheMetadata_andThenTheNextVersion() {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir());
        GatewireXdsTestClient client = GatewireXdsTestClient.connect(harness.port(), "grpc-1", SHOP)) {
      client.watchListener(SHOP_LISTENER);
      client.watchRouteConfig(SHOP_LISTENER);
      for (String cluster : List.of(CART_CLUSTER, WEB_CLUSTER)) {
        client.watchCluster(cluster);
        client.watchEndpoints(cluster);
      }

      await().atMost(WAIT).untilAsserted(() -> assertThat(client.states()).hasSize(6)
          .allSatisfy(state -> assertThat(state.status()).as(state.toString()).isEqualTo(Status.ACKED)));
      assertThat(client.clusterMetadata(CART_CLUSTER)).containsKey("envoy-gateway");
      assertThat(client.clusterMetadata(CART_CLUSTER).get("envoy-gateway").toString()).contains("name=cart");
      GatewireXdsTestClient.LocalityView cart = client.localities(CART_CLUSTER).get(0);
      assertThat(cart.region()).isEqualTo(CART_CLUSTER + "/backend/0");
      assertThat(cart.metadata().get("envoy-gateway").toString()).contains("name=cart-svc", "sectionName=9000");
      assertThat(cart.endpoints()).singleElement().asString().contains("10.0.0.1:9000");

      Map<String, String> before = client.versions(Kind.ENDPOINTS);
      harness.publish(fixture().withWebAddress("10.0.0.9").build());

      await().atMost(WAIT).untilAsserted(() -> {
        ResourceState web = client.state(Kind.ENDPOINTS, WEB_CLUSTER);
        assertThat(web.status()).isEqualTo(Status.ACKED);
        assertThat(web.version()).isNotEqualTo(before.get(WEB_CLUSTER));
        assertThat(client.localities(WEB_CLUSTER).get(0).endpoints()).singleElement().asString()
            .contains("10.0.0.9:8080");
      });
      assertThat(client.states()).allSatisfy(state -> assertThat(state.status()).isEqualTo(Status.ACKED));
    }
  }

  /**
   * A route with weighted clusters carrying per-cluster header changes, a retry policy (HTTP retry_on
   * conditions, retriable status codes, per-try timeout, backoff) and a request mirror: gRPC ignores
   * what it does not implement (header changes, HTTP retry conditions, mirrors) and ACKs it all.
   */
  @Test
  void grpcClient_acksWeightedClustersWithHeaderChanges_retryPolicyAndMirror() {
    try (ServingHarness harness = ServingHarness.started().publish(fixture().withWebSplitRetryAndMirror().build());
        GatewireXdsTestClient client = GatewireXdsTestClient.connect(harness.port(), "grpc-1", SHOP)) {
      client.watchListener(SHOP_LISTENER);
      client.watchRouteConfig(SHOP_LISTENER);
      for (String cluster : List.of(CART_CLUSTER, WEB_BACKEND_0, WEB_BACKEND_1, WEB_MIRROR)) {
        client.watchCluster(cluster);
        client.watchEndpoints(cluster);
      }

      await().atMost(WAIT).untilAsserted(() -> assertThat(client.states()).hasSize(10)
          .allSatisfy(state -> assertThat(state.status()).as(state.toString()).isEqualTo(Status.ACKED)));
      assertThat(client.localities(WEB_BACKEND_1)).singleElement()
          .satisfies(locality -> assertThat(locality.endpoints()).singleElement().asString().contains("10.0.0.4:8080"));
    }
  }

  @Test
  void clusterGrpcRejects_isNackedOnceAndNotResent_andTheFixIsAcked() {
    try (ServingHarness harness = ServingHarness.started().publish(fixture().withDnsWebCluster().build());
        GatewireXdsTestClient client = GatewireXdsTestClient.connect(harness.port(), "grpc-1", SHOP)) {
      client.watchCluster(WEB_CLUSTER);

      await().atMost(WAIT).untilAsserted(() -> assertThat(client.state(Kind.CLUSTER, WEB_CLUSTER).status())
          .isEqualTo(Status.NACKED));
      assertThat(client.state(Kind.CLUSTER, WEB_CLUSTER).nackDetail()).contains(WEB_CLUSTER);
      await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
          .until(() -> harness.counter("gatewire.xds.nacks", "type", "Cluster") == 1);
      assertThat(harness.logLinesContaining("NACK")).singleElement().asString().contains("grpc-1", "Cluster");

      harness.publish(ServingFixtures.ir());

      await().atMost(WAIT).untilAsserted(() -> assertThat(client.state(Kind.CLUSTER, WEB_CLUSTER).status())
          .isEqualTo(Status.ACKED));
      assertThat(harness.counter("gatewire.xds.nacks", "type", "Cluster")).isEqualTo(1);
    }
  }
}
