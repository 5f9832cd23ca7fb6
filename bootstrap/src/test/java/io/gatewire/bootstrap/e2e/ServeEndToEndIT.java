package io.gatewire.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.Resource;
import io.gatewire.adapters.xds.serve.AdsTestClient;
import io.gatewire.adapters.xds.testing.EnvoyValidator;
import io.grpc.xds.GatewireXdsTestClient;
import io.grpc.xds.GatewireXdsTestClient.Kind;
import io.grpc.xds.GatewireXdsTestClient.LocalityView;
import io.grpc.xds.GatewireXdsTestClient.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatewire serve} as a child process, against real xDS clients: grpc-java's own xDS client
 * and a hand-driven ADS client over Envoy's generated stubs. Every resource a client receives is
 * checked against Envoy's field constraints.
 */
class ServeEndToEndIT {
  private static final Path QUICKSTART = Path.of("../docs/examples/quickstart.yaml");
  private static final String SHOP = "httproute/myns/myroute/rule/0";
  private static final String STATIC = "httproute/myns/static/rule/0";
  private static final String LISTENER = "myns/eg/8080";
  private static final Duration QUIET = Duration.ofSeconds(2);

  @TempDir Path dir;

  private Path config() throws Exception {
    Path config = dir.resolve("config");
    Files.createDirectories(config);
    Files.copy(QUICKSTART, config.resolve("quickstart.yaml"));
    return config;
  }

  /** Saves as editors do: a temporary file renamed over the original. */
  private static void save(Path file, String content) throws Exception {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".swp");
    Files.writeString(tmp, content);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private GatewireProcess serve(Path config, String name) throws Exception {
    return GatewireProcess.serve(
            config,
            dir.resolve(name + ".log"),
            GatewireProcess.freePort(),
            GatewireProcess.freePort())
        .awaitReady();
  }

  /** The port from the log line that follows the first load (ready may be seen just before). */
  private static int xdsPort(GatewireProcess gatewire) throws Exception {
    Pattern line = Pattern.compile("xDS on port (\\d+)");
    await().atMost(Duration.ofSeconds(10)).until(() -> line.matcher(gatewire.log()).find());
    Matcher m = line.matcher(gatewire.log());
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static void assertAcked(GatewireXdsTestClient client) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(client.states())
                    .hasSize(6)
                    .allSatisfy(
                        s -> assertThat(s.status()).as(s.toString()).isEqualTo(Status.ACKED)));
  }

  private static Map<String, Object> entry(Map<String, Object> metadata) {
    @SuppressWarnings("unchecked")
    Map<String, Object> namespace = (Map<String, Object>) metadata.get("envoy-gateway");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> resources = (List<Map<String, Object>>) namespace.get("resources");
    assertThat(resources).hasSize(1);
    return resources.get(0);
  }

  @Test
  void grpcXdsClient_acksEverything_seesMetadata_followsEdits_andIgnoresABrokenEdit()
      throws Exception {
    Path config = config();
    Path file = config.resolve("quickstart.yaml");
    String original = Files.readString(file);
    try (GatewireProcess gatewire = serve(config, "serve");
        GatewireXdsTestClient client =
            GatewireXdsTestClient.connect(xdsPort(gatewire), "grpc-node", "myns/eg")) {
      client.watchListener(LISTENER);
      client.watchRouteConfig(LISTENER);
      client.watchCluster(SHOP);
      client.watchCluster(STATIC);
      client.watchEndpoints(SHOP);
      client.watchEndpoints(STATIC);
      assertAcked(client);

      Map<String, Object> route = entry(client.clusterMetadata(SHOP));
      assertThat(route)
          .containsEntry("kind", "HTTPRoute")
          .containsEntry("groupVersion", "gateway.networking.k8s.io/v1")
          .containsEntry("namespace", "myns")
          .containsEntry("name", "myroute")
          .containsEntry("sectionName", "shop")
          .containsEntry("annotations", Map.of("foo", "bar"));
      List<LocalityView> localities = client.localities(SHOP);
      assertThat(localities)
          .extracting(LocalityView::region)
          .containsExactly(SHOP + "/backend/0", SHOP + "/backend/1");
      assertThat(localities).extracting(LocalityView::weight).containsExactly(80, 20);
      assertThat(entry(localities.get(0).metadata()))
          .containsEntry("kind", "Service")
          .containsEntry("name", "svc-1")
          .containsEntry("sectionName", "8080");
      Map<String, String> before = client.versions(Kind.ENDPOINTS);

      save(file, original.replace("weight: 80", "weight: 60"));
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(client.localities(SHOP))
                      .extracting(LocalityView::weight)
                      .containsExactly(60, 20));
      assertThat(client.versions(Kind.ENDPOINTS).get(SHOP)).isNotEqualTo(before.get(SHOP));
      Map<String, String> afterEdit = client.versions(Kind.ENDPOINTS);

      save(file, original.replace("weight: 80", "weight: [60"));
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> assertThat(gatewire.get("/readyz")).contains("stale", "quickstart.yaml:"));
      await()
          .during(QUIET)
          .atMost(QUIET.plusSeconds(5))
          .untilAsserted(
              () -> {
                assertThat(client.versions(Kind.ENDPOINTS)).isEqualTo(afterEdit);
                assertThat(client.localities(SHOP))
                    .extracting(LocalityView::weight)
                    .containsExactly(60, 20);
              });
      assertThat(gatewire.log())
          .contains("quickstart.yaml:")
          .contains("last good one keeps serving");
      assertThat(gatewire.get("/metrics")).contains("gatewire_config_stale 1.0");

      save(file, original.replace("weight: 80", "weight: 50"));
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(client.localities(SHOP))
                      .extracting(LocalityView::weight)
                      .containsExactly(50, 20));
      assertThat(gatewire.get("/readyz")).isEqualTo("ready\n");
      assertAcked(client);
      assertThat(gatewire.terminate()).as(gatewire.log()).isZero();
    }
  }

  @Test
  void deltaSession_seesAdditionsAndRemovals_whenARouteIsDeletedFromTheFiles() throws Exception {
    Path config = config();
    Path file = config.resolve("quickstart.yaml");
    String original = Files.readString(file);
    try (GatewireProcess gatewire = serve(config, "delta");
        AdsTestClient client = AdsTestClient.connect(xdsPort(gatewire), "delta-node", "myns/eg")) {
      AdsTestClient.Delta delta = client.delta();
      DeltaDiscoveryResponse clusters = delta.subscribe(Resources.V3.CLUSTER_TYPE_URL);
      assertThat(names(clusters)).containsExactly(SHOP, STATIC);
      validate(clusters.getResourcesList(), Cluster.class);
      delta.ack(clusters);

      String withoutStatic =
          original.substring(
                  0,
                  original.indexOf(
                      "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: static"))
              + original.substring(
                  original.indexOf("apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-1"));
      save(file, withoutStatic);
      DeltaDiscoveryResponse removal = delta.next(Resources.V3.CLUSTER_TYPE_URL);
      assertThat(removal.getRemovedResourcesList()).containsExactly(STATIC);
      assertThat(removal.getResourcesList()).isEmpty();
      delta.ack(removal);

      save(file, original);
      DeltaDiscoveryResponse addition = delta.next(Resources.V3.CLUSTER_TYPE_URL);
      assertThat(names(addition)).containsExactly(STATIC);
      assertThat(addition.getRemovedResourcesList()).isEmpty();
      validate(addition.getResourcesList(), Cluster.class);
      delta.ack(addition);
      assertThat(delta.within(Resources.V3.CLUSTER_TYPE_URL, QUIET)).isEmpty();
    }
  }

  @Test
  void nack_isLoggedOnceAndCountedOnce_andNotResent() throws Exception {
    try (GatewireProcess gatewire = serve(config(), "nack");
        AdsTestClient client = AdsTestClient.connect(xdsPort(gatewire), "nack-node", "myns/eg")) {
      AdsTestClient.Sotw ads = client.stateOfTheWorld();
      DiscoveryResponse clusters = ads.subscribe(Resources.V3.CLUSTER_TYPE_URL);
      validate(clusters.getResourcesList(), Cluster.class);

      ads.nack(clusters, "", "test rejects cluster " + SHOP);

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(gatewire.get("/metrics"))
                      .contains("gatewire_xds_nacks_total{type=\"Cluster\"} 1.0"));
      assertThat(ads.within(Resources.V3.CLUSTER_TYPE_URL, QUIET))
          .as("responses after the NACK")
          .isEmpty();
      assertThat(gatewire.get("/metrics"))
          .contains("gatewire_xds_nacks_total{type=\"Cluster\"} 1.0");
      assertThat(gatewire.log().lines().filter(l -> l.contains("NACK")).toList())
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .contains(
                          "nack-node",
                          "Cluster",
                          clusters.getVersionInfo(),
                          "test rejects cluster"));
    }
  }

  @Test
  void restart_servesIdenticalVersions() throws Exception {
    Path config = config();
    Map<String, String> first = versionsServedBy(config, "first");
    Map<String, String> second = versionsServedBy(config, "second");

    assertThat(first).hasSize(6).isEqualTo(second);
  }

  /** Per-resource versions of every type, as a delta client sees them. */
  private Map<String, String> versionsServedBy(Path config, String name) throws Exception {
    Map<String, String> versions = new TreeMap<>();
    try (GatewireProcess gatewire = serve(config, name);
        AdsTestClient client = AdsTestClient.connect(xdsPort(gatewire), name, "myns/eg")) {
      AdsTestClient.Delta delta = client.delta();
      subscribe(delta, versions, Resources.V3.LISTENER_TYPE_URL, Listener.class);
      subscribe(delta, versions, Resources.V3.ROUTE_TYPE_URL, RouteConfiguration.class, LISTENER);
      subscribe(delta, versions, Resources.V3.CLUSTER_TYPE_URL, Cluster.class);
      subscribe(
          delta,
          versions,
          Resources.V3.ENDPOINT_TYPE_URL,
          ClusterLoadAssignment.class,
          SHOP,
          STATIC);
      assertThat(gatewire.terminate()).isZero();
    }
    return versions;
  }

  private static void subscribe(
      AdsTestClient.Delta delta,
      Map<String, String> versions,
      String type,
      Class<? extends Message> message,
      String... names)
      throws Exception {
    DeltaDiscoveryResponse response = delta.subscribe(type, names);
    validate(response.getResourcesList(), message);
    response
        .getResourcesList()
        .forEach(r -> versions.put(type + " " + r.getName(), r.getVersion()));
    delta.ack(response);
  }

  private static List<String> names(DeltaDiscoveryResponse response) {
    return response.getResourcesList().stream().map(Resource::getName).sorted().toList();
  }

  private static void validate(List<?> resources, Class<? extends Message> type)
      throws InvalidProtocolBufferException {
    for (Object r : resources) {
      Any any = r instanceof Resource resource ? resource.getResource() : (Any) r;
      EnvoyValidator.assertValid(any.unpack(type));
    }
  }
}
