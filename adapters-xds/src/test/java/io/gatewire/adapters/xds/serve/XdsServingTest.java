package io.gatewire.adapters.xds.serve;

import static io.gatewire.adapters.xds.serve.ServingFixtures.CART_CLUSTER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.EDGE;
import static io.gatewire.adapters.xds.serve.ServingFixtures.SHOP;
import static io.gatewire.adapters.xds.serve.ServingFixtures.SHOP_LISTENER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.WEB_CLUSTER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.fixture;
import static io.gatewire.adapters.xds.serve.ServingFixtures.gateway;
import static io.gatewire.adapters.xds.serve.XdsTypes.CDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.EDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.LDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.RDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.XdsDocumentWriter;
import io.gatewire.adapters.xds.XdsTranslator;
import io.gatewire.adapters.xds.testing.IrFixtures;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.metadata.MetadataOptions;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XdsServingTest {
  private static final Duration QUIET = Duration.ofMillis(300);

  @Test
  void publishingAnEqualIr_pushesNothing_andCountsEveryGroupUnchanged() throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir());
        AdsTestClient client = harness.client("envoy-1", SHOP)) {
      AdsTestClient.Sotw ads = client.stateOfTheWorld();
      ads.ack(ads.subscribe(CDS));
      ads.ack(ads.subscribe(EDS, CART_CLUSTER, WEB_CLUSTER));
      ads.ack(ads.subscribe(LDS));
      ads.ack(ads.subscribe(RDS, SHOP_LISTENER));

      harness.publish(ServingFixtures.ir());

      for (String type : List.of(CDS, EDS, LDS, RDS)) {
        assertThat(ads.within(type, QUIET)).as(type).isEmpty();
      }
      assertThat(harness.counter("gatewire.snapshot.builds", "result", "published")).isEqualTo(3);
      assertThat(harness.counter("gatewire.snapshot.builds", "result", "unchanged")).isEqualTo(3);
    }
  }

  @Test
  void changeToOneGateway_isPushedOnlyToThatGatewaysNodes_andTheMergedGroup() {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir())) {
      var shopBefore = harness.serving.servedSnapshot(SHOP);
      var edgeBefore = harness.serving.servedSnapshot(EDGE);

      harness.publish(fixture().withEdgePort(9191).build());

      assertThat(harness.serving.servedSnapshot(SHOP)).isSameAs(shopBefore);
      assertThat(harness.serving.servedSnapshot(EDGE)).isNotSameAs(edgeBefore);
      assertThat(harness.counter("gatewire.snapshot.builds", "result", "published"))
          .isEqualTo(3 + 2);
      assertThat(harness.counter("gatewire.snapshot.builds", "result", "unchanged")).isEqualTo(1);
    }
  }

  @Test
  void inconsistentSnapshot_isLoggedAsABug_andItsGroupKeepsThePreviousOne() throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir());
        AdsTestClient client = harness.client("envoy-1", SHOP)) {
      AdsTestClient.Sotw ads = client.stateOfTheWorld();
      ads.ack(ads.subscribe(LDS));
      String servedBefore = harness.serving.configDump(XdsDocument.Format.YAML).get(SHOP);
      IrGateway shop = gateway(ServingFixtures.ir(), SHOP);
      IrGateway withoutRoutes =
          new IrGateway(SHOP, shop.listeners(), List.of(), shop.clusters(), shop.secrets());

      harness.publish(new Ir(List.of(withoutRoutes, gateway(ServingFixtures.ir(), EDGE))));

      assertThat(harness.logLinesContaining("BUG"))
          .hasSize(2)
          .allSatisfy(
              line ->
                  assertThat(line)
                      .contains(
                          "inconsistent",
                          "listener 'shop/gw/http' routes through RDS 'shop/gw/http'"));
      assertThat(harness.counter("gatewire.snapshot.builds", "result", "inconsistent"))
          .isEqualTo(2);
      assertThat(harness.serving.configDump(XdsDocument.Format.YAML).get(SHOP))
          .isEqualTo(servedBefore);
      assertThat(ads.within(LDS, QUIET)).isEmpty();
    }
  }

  @Test
  void configDump_printsEachGroupAsTheTranslateCommandDoes() {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir())) {
      Ir ir = ServingFixtures.ir();
      XdsTranslator translator = new XdsTranslator(MetadataOptions.DEFAULTS);

      Map<String, String> yaml = harness.serving.configDump(XdsDocument.Format.YAML);
      Map<String, String> json = harness.serving.configDump(XdsDocument.Format.JSON);

      assertThat(yaml.keySet()).containsExactly("*", EDGE, SHOP);
      assertThat(yaml.get("*"))
          .isEqualTo(
              new XdsDocument(MetadataOptions.DEFAULTS, XdsDocument.Format.YAML).render(ir, null));
      assertThat(yaml.get(SHOP))
          .isEqualTo(
              new XdsDocumentWriter(XdsDocumentWriter.Format.YAML)
                  .write(translator.translate(gateway(ir, SHOP))));
      assertThat(json.get(EDGE))
          .isEqualTo(
              new XdsDocumentWriter(XdsDocumentWriter.Format.JSON)
                  .write(translator.translate(gateway(ir, EDGE))));
      assertThat(harness.serving.nodeGroups()).containsExactly("*", EDGE, SHOP);
    }
  }

  @Test
  void metrics_countBuildsResourcesAndStreams() throws Exception {
    try (ServingHarness harness = ServingHarness.started().publish(ServingFixtures.ir())) {
      assertThat(harness.registry.get("gatewire.snapshot.build").timer().count()).isEqualTo(1);
      assertThat(harness.gauge("gatewire.xds.resources", "type", "Cluster")).isEqualTo(3);
      assertThat(harness.gauge("gatewire.xds.resources", "type", "Listener")).isEqualTo(2);
      assertThat(harness.gauge("gatewire.xds.resources", "type", "Secret")).isZero();
      assertThat(harness.counter("gatewire.xds.nacks", "type", "RouteConfiguration")).isZero();
      assertThat(harness.gauge("gatewire.xds.streams")).isZero();

      try (AdsTestClient client = harness.client("envoy-1", SHOP)) {
        client.stateOfTheWorld().subscribe(CDS);
        client.delta().subscribe(CDS);
        assertThat(harness.gauge("gatewire.xds.streams")).isEqualTo(2);
        assertThat(harness.serving.connectedStreams()).isEqualTo(2);
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> harness.serving.connectedStreams() == 0);
    }
  }

  @Test
  void aSecondServer_onTheSameIr_servesTheSameVersions() throws Exception {
    try (ServingHarness first = ServingHarness.started().publish(ServingFixtures.ir());
        ServingHarness second = ServingHarness.started().publish(ServingFixtures.ir());
        AdsTestClient one = first.client("envoy-1", SHOP);
        AdsTestClient two = second.client("envoy-1", SHOP)) {
      AdsTestClient.Delta deltaOne = one.delta();
      AdsTestClient.Delta deltaTwo = two.delta();
      AdsTestClient.Sotw sotwOne = one.stateOfTheWorld();
      AdsTestClient.Sotw sotwTwo = two.stateOfTheWorld();

      for (String type : List.of(CDS, LDS)) {
        var fromOne = deltaOne.subscribe(type);
        var fromTwo = deltaTwo.subscribe(type);
        assertThat(XdsTypes.versions(fromTwo))
            .as(type)
            .isEqualTo(XdsTypes.versions(fromOne))
            .isNotEmpty();
        assertThat(fromTwo.getSystemVersionInfo()).isEqualTo(fromOne.getSystemVersionInfo());
        assertThat(sotwTwo.subscribe(type).getVersionInfo())
            .isEqualTo(sotwOne.subscribe(type).getVersionInfo());
      }
      var endpointsOne = deltaOne.subscribe(EDS, CART_CLUSTER, WEB_CLUSTER);
      var endpointsTwo = deltaTwo.subscribe(EDS, CART_CLUSTER, WEB_CLUSTER);
      assertThat(XdsTypes.versions(endpointsTwo)).isEqualTo(XdsTypes.versions(endpointsOne));
    }
  }

  @Test
  void close_endsOpenStreamsAfterTheDrainTimeout_andRefusesNewOnes() throws Exception {
    ServingHarness harness =
        ServingHarness.started(Duration.ofMillis(300)).publish(ServingFixtures.ir());
    try (AdsTestClient client = harness.client("envoy-1", SHOP)) {
      AdsTestClient.Sotw ads = client.stateOfTheWorld();
      ads.ack(ads.subscribe(CDS));

      harness.close();

      await().atMost(Duration.ofSeconds(5)).until(() -> ads.ended() != null);
      AdsTestClient.Sotw late = client.stateOfTheWorld();
      late.request(CDS);
      await().atMost(Duration.ofSeconds(5)).until(() -> late.ended() != null);
      assertThat(late.ended()).isInstanceOf(StatusRuntimeException.class);
    }
  }

  @Test
  void perTypeServices_serveClustersAndSecretsOutsideAds() throws Exception {
    // Secrets over plaintext only because they are allowed here: SecureServingTest covers the
    // transport rules
    ServingOptions insecure =
        new ServingOptions(0, MetadataOptions.DEFAULTS, Optional.empty(), true, false);
    try (ServingHarness harness =
            ServingHarness.started(insecure).publish(new Ir(List.of(IrFixtures.rich())));
        AdsTestClient client = harness.client("envoy-1", "infra/gw")) {
      var clusters = client.clusterService().subscribe(CDS);
      var secrets = client.secretService().subscribe(XdsTypes.SDS, "infra/api-cert");

      assertThat(XdsTypes.unpack(clusters, Cluster.class)).hasSize(5);
      assertThat(XdsTypes.unpack(secrets, Secret.class))
          .singleElement()
          .satisfies(
              secret ->
                  assertThat(secret.getTlsCertificate().getPrivateKey().getInlineBytes())
                      .isNotEmpty());
    }
  }

  @Test
  void portZero_bindsAFreePort_knownOnlyOnceStarted() throws Exception {
    XdsServing serving =
        new XdsServing(
            new ServingOptions(0, MetadataOptions.DEFAULTS),
            new SimpleMeterRegistry(),
            ServingLog.toLogger(),
            InetAddress.getLoopbackAddress(),
            Duration.ofMillis(100));
    assertThatThrownBy(serving::port).isInstanceOf(IllegalStateException.class);
    try (serving) {
      serving.start();
      assertThat(serving.port()).isPositive();
      assertThatThrownBy(serving::start).isInstanceOf(IllegalStateException.class);
    }
  }
}
