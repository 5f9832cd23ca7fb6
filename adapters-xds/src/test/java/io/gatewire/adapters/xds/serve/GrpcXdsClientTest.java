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

import io.gatewire.adapters.xds.testing.IrFixtures;
import io.gatewire.domain.ir.Ir;
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
        GatewireXdsTestClient client =
            GatewireXdsTestClient.connect(harness.port(), "grpc-1", SHOP)) {
      client.watchListener(SHOP_LISTENER);
      client.watchRouteConfig(SHOP_LISTENER);
      for (String cluster : List.of(CART_CLUSTER, WEB_CLUSTER)) {
        client.watchCluster(cluster);
        client.watchEndpoints(cluster);
      }

      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(client.states())
                      .hasSize(6)
                      .allSatisfy(
                          state ->
                              assertThat(state.status())
                                  .as(state.toString())
                                  .isEqualTo(Status.ACKED)));
      assertThat(client.clusterMetadata(CART_CLUSTER)).containsKey("envoy-gateway");
      assertThat(client.clusterMetadata(CART_CLUSTER).get("envoy-gateway").toString())
          .contains("name=cart");
      GatewireXdsTestClient.LocalityView cart = client.localities(CART_CLUSTER).get(0);
      assertThat(cart.region()).isEqualTo(CART_CLUSTER + "/backend/0");
      assertThat(cart.metadata().get("envoy-gateway").toString())
          .contains("name=cart-svc", "sectionName=9000");
      assertThat(cart.endpoints()).singleElement().asString().contains("10.0.0.1:9000");

      Map<String, String> before = client.versions(Kind.ENDPOINTS);
      harness.publish(fixture().withWebAddress("10.0.0.9").build());

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                ResourceState web = client.state(Kind.ENDPOINTS, WEB_CLUSTER);
                assertThat(web.status()).isEqualTo(Status.ACKED);
                assertThat(web.version()).isNotEqualTo(before.get(WEB_CLUSTER));
                assertThat(client.localities(WEB_CLUSTER).get(0).endpoints())
                    .singleElement()
                    .asString()
                    .contains("10.0.0.9:8080");
              });
      assertThat(client.states())
          .allSatisfy(state -> assertThat(state.status()).isEqualTo(Status.ACKED));
    }
  }

  /**
   * A route with weighted clusters carrying per-cluster header changes, a retry policy (HTTP
   * retry_on conditions, retriable status codes, per-try timeout, backoff) and a request mirror:
   * gRPC ignores what it does not implement (header changes, HTTP retry conditions, mirrors) and
   * ACKs it all.
   */
  @Test
  void grpcClient_acksWeightedClustersWithHeaderChanges_retryPolicyAndMirror() {
    try (ServingHarness harness =
            ServingHarness.started().publish(fixture().withWebSplitRetryAndMirror().build());
        GatewireXdsTestClient client =
            GatewireXdsTestClient.connect(harness.port(), "grpc-1", SHOP)) {
      client.watchListener(SHOP_LISTENER);
      client.watchRouteConfig(SHOP_LISTENER);
      for (String cluster : List.of(CART_CLUSTER, WEB_BACKEND_0, WEB_BACKEND_1, WEB_MIRROR)) {
        client.watchCluster(cluster);
        client.watchEndpoints(cluster);
      }

      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(client.states())
                      .hasSize(10)
                      .allSatisfy(
                          state ->
                              assertThat(state.status())
                                  .as(state.toString())
                                  .isEqualTo(Status.ACKED)));
      assertThat(client.localities(WEB_BACKEND_1))
          .singleElement()
          .satisfies(
              locality ->
                  assertThat(locality.endpoints())
                      .singleElement()
                      .asString()
                      .contains("10.0.0.4:8080"));
    }
  }

  @Test
  void clusterGrpcRejects_isNackedOnceAndNotResent_andTheFixIsAcked() {
    try (ServingHarness harness =
            ServingHarness.started().publish(fixture().withDnsWebCluster().build());
        GatewireXdsTestClient client =
            GatewireXdsTestClient.connect(harness.port(), "grpc-1", SHOP)) {
      client.watchCluster(WEB_CLUSTER);

      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(client.state(Kind.CLUSTER, WEB_CLUSTER).status())
                      .isEqualTo(Status.NACKED));
      assertThat(client.state(Kind.CLUSTER, WEB_CLUSTER).nackDetail()).contains(WEB_CLUSTER);
      await()
          .during(Duration.ofMillis(1500))
          .atMost(Duration.ofSeconds(3))
          .until(() -> harness.counter("gatewire.xds.nacks", "type", "Cluster") == 1);
      assertThat(harness.logLinesContaining("NACK"))
          .singleElement()
          .asString()
          .contains("grpc-1", "Cluster");

      harness.publish(ServingFixtures.ir());

      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(client.state(Kind.CLUSTER, WEB_CLUSTER).status())
                      .isEqualTo(Status.ACKED));
      assertThat(harness.counter("gatewire.xds.nacks", "type", "Cluster")).isEqualTo(1);
    }
  }

  /**
   * gRPC's client only consumes listeners whose filter chains hold an HTTP connection manager, so
   * it NACKs both L4 listeners: tcp_proxy is an "unsupported typed_config type", and gRPC refuses
   * any listener_filters, which is where a UDP listener's udp_proxy lives. Envoy serves both (their
   * shape is checked by EnvoyValidator and the goldens); what gRPC can check independently of Envoy
   * is that the clusters and ClusterLoadAssignments of TLS, TCP and UDP routes are valid xDS, with
   * their metadata.
   */
  @Test
  void l4Gateway_clustersAndEndpointsAreAcked_whileGrpcNacksTheL4ListenersItCannotServe() {
    List<String> clusters =
        List.of("tcproute/data/db/rule/0", "tlsroute/apps/a/rule/0", "udproute/infra/dns/rule/0");
    try (ServingHarness harness =
            ServingHarness.started().publish(new Ir(List.of(IrFixtures.l4())));
        GatewireXdsTestClient client =
            GatewireXdsTestClient.connect(harness.port(), "grpc-l4", "infra/l4")) {
      for (String cluster : clusters) {
        client.watchCluster(cluster);
        client.watchEndpoints(cluster);
      }
      client.watchListener("infra/l4/5432");
      client.watchListener("infra/l4/5353/udp");

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                for (String cluster : clusters) {
                  assertThat(client.state(Kind.CLUSTER, cluster).status()).isEqualTo(Status.ACKED);
                  assertThat(client.state(Kind.ENDPOINTS, cluster).status())
                      .isEqualTo(Status.ACKED);
                }
                assertThat(client.state(Kind.LISTENER, "infra/l4/5432").status())
                    .isEqualTo(Status.NACKED);
                assertThat(client.state(Kind.LISTENER, "infra/l4/5353/udp").status())
                    .isEqualTo(Status.NACKED);
              });
      assertThat(client.state(Kind.LISTENER, "infra/l4/5353/udp").nackDetail())
          .contains("Listener infra/l4/5353/udp cannot have listener_filters");
      assertThat(client.state(Kind.LISTENER, "infra/l4/5432").nackDetail())
          .contains("envoy.filters.network.tcp_proxy", "unsupported typed_config type");
      assertThat(client.clusterMetadata("tcproute/data/db/rule/0").get("envoy-gateway").toString())
          .contains("kind=TCPRoute", "name=db", "sectionName=primary");
      assertThat(client.localities("tcproute/data/db/rule/0"))
          .extracting(GatewireXdsTestClient.LocalityView::weight)
          .containsExactly(70, 30);
      assertThat(
              client
                  .localities("udproute/infra/dns/rule/0")
                  .get(0)
                  .metadata()
                  .get("envoy-gateway")
                  .toString())
          .contains("name=dns", "sectionName=53");
    }
  }
}
