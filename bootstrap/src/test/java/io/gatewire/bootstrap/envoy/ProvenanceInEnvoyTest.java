package io.gatewire.bootstrap.envoy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewire.testkit.echo.EchoBackends;
import io.gatewire.testkit.envoy.Envoy;
import io.gatewire.testkit.envoy.EnvoyBootstrap;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The provenance contract (docs/metadata.md) as Envoy itself holds it, for the seed example: the
 * metadata of every VirtualHost, Route and Cluster in Envoy's config dump equals what Gatewire
 * serves, and names the Gateway listener, the HTTPRoute (with its filtered annotation) and the
 * route. Envoy's dump leaves locality metadata out, so requests show it: a static listener taking
 * Gatewire's route configuration logs, per request, the {@code envoy-gateway} metadata of the
 * locality that served it (CEL {@code xds.upstream_host_locality_metadata}), and that names the
 * Service whose echo backend answered.
 */
class ProvenanceInEnvoyTest {
  private static final Path INPUT =
      Path.of("src/test/resources/golden/metadata-seed-example/input.yaml");
  private static final String ROUTE_CONFIG = "myns/eg/80";
  private static final String CLUSTER = "httproute/myns/myroute/rule/0";
  private static final String ACCESS_LOG =
      "locality=%CEL(xds.upstream_host_locality_metadata.filter_metadata['envoy-gateway']"
          + ".resources[0].name)% kind=%CEL(xds.upstream_host_locality_metadata"
          + ".filter_metadata['envoy-gateway'].resources[0].kind)% cluster=%UPSTREAM_CLUSTER%";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EchoBackends backends;
  private static EnvoyFixture fixture;
  private static Envoy envoy;
  private static int accessLogPort;

  @BeforeAll
  static void serve() throws Exception {
    backends = EchoBackends.start(Files.readString(INPUT, StandardCharsets.UTF_8));
    fixture = EnvoyFixture.serve(backends.manifests());
    try (ServerSocket socket = new ServerSocket(0)) {
      accessLogPort = socket.getLocalPort();
    }
    envoy =
        fixture.envoy(
            EnvoyBootstrap.ads("envoy-provenance", "myns/eg", fixture.xdsPort())
                .withStaticListener(
                    new EnvoyBootstrap.StaticListener(
                        "access-logged", accessLogPort, ROUTE_CONFIG, ACCESS_LOG)));
    envoy.awaitLive(Duration.ofSeconds(10));
    envoy.awaitStable(Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
    if (backends != null) {
      backends.close();
    }
  }

  @Test
  void virtualHostsRoutesAndClusters_inEnvoysDump_carryTheServedMetadata() throws Exception {
    JsonNode served = JSON.readTree(fixture.admin("/config_dump")).path("myns/eg");
    Map<String, JsonNode> expected = new LinkedHashMap<>();
    for (JsonNode routeConfig : served.path("routes")) {
      for (JsonNode host : routeConfig.path("virtualHosts")) {
        expected.put(
            "vh " + host.path("name").asText(), host.path("metadata").path("filterMetadata"));
        for (JsonNode route : host.path("routes")) {
          expected.put(
              "route " + route.path("name").asText(),
              route.path("metadata").path("filterMetadata"));
        }
      }
    }
    for (JsonNode cluster : served.path("clusters")) {
      expected.put(
          "cluster " + cluster.path("name").asText(),
          cluster.path("metadata").path("filterMetadata"));
    }

    Map<String, JsonNode> inEnvoy = new LinkedHashMap<>();
    for (JsonNode dynamic : envoy.configDump("RoutesConfigDump").path("dynamic_route_configs")) {
      for (JsonNode host : dynamic.path("route_config").path("virtual_hosts")) {
        inEnvoy.put(
            "vh " + host.path("name").asText(), host.path("metadata").path("filter_metadata"));
        for (JsonNode route : host.path("routes")) {
          inEnvoy.put(
              "route " + route.path("name").asText(),
              route.path("metadata").path("filter_metadata"));
        }
      }
    }
    for (JsonNode active : envoy.configDump("ClustersConfigDump").path("dynamic_active_clusters")) {
      JsonNode cluster = active.path("cluster");
      inEnvoy.put(
          "cluster " + cluster.path("name").asText(),
          cluster.path("metadata").path("filter_metadata"));
    }

    assertThat(expected).hasSize(3);
    assertThat(inEnvoy).isEqualTo(expected);
    JsonNode route = inEnvoy.get("route httproute/myns/myroute/rule/0/match/0/www_example_com");
    assertThat(route.path("envoy-gateway").path("resources").get(0))
        .isEqualTo(
            JSON.readTree(
                "{\"kind\":\"HTTPRoute\",\"groupVersion\":\"gateway.networking.k8s.io/v1\","
                    + "\"namespace\":\"myns\",\"name\":\"myroute\",\"annotations\":{\"foo\":\"bar\"}}"));
    assertThat(
            inEnvoy
                .get("vh myns/eg/80/www_example_com")
                .path("envoy-gateway")
                .path("resources")
                .get(0))
        .isEqualTo(
            JSON.readTree(
                "{\"kind\":\"Gateway\",\"groupVersion\":\"gateway.networking.k8s.io/v1\","
                    + "\"namespace\":\"myns\",\"name\":\"eg\",\"sectionName\":\"http\"}"));
    assertThat(
            inEnvoy
                .get("cluster " + CLUSTER)
                .path("envoy-gateway")
                .path("resources")
                .get(0)
                .path("name")
                .asText())
        .isEqualTo("myroute");
  }

  @Test
  void eachRequest_logsTheLocalityMetadataOfTheServiceThatAnswered() throws Exception {
    List<String> answeredBy = new ArrayList<>();
    Set<String> services = new HashSet<>();
    for (int i = 0; i < 40 && services.size() < 2; i++) {
      RawHttp response = RawHttp.get(accessLogPort, "www.example.com", "/provenance/" + i);
      assertThat(response.status()).isEqualTo(200);
      String service = JSON.readTree(response.body()).path("service").asText();
      answeredBy.add(service);
      services.add(service);
    }
    assertThat(services)
        .as("both backendRefs took traffic")
        .containsExactlyInAnyOrder("svc-1", "svc-2");

    List<String> lines = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              lines.clear();
              envoy.stdoutLines().stream()
                  .filter(l -> l.startsWith("locality="))
                  .forEach(lines::add);
              return lines.size() >= answeredBy.size();
            });
    for (int i = 0; i < answeredBy.size(); i++) {
      assertThat(lines.get(i))
          .isEqualTo("locality=" + answeredBy.get(i) + " kind=Service cluster=" + CLUSTER);
    }
  }
}
