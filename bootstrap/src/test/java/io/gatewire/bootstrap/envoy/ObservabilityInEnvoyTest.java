package io.gatewire.bootstrap.envoy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewire.testkit.echo.EchoBackends;
import io.gatewire.testkit.envoy.Envoy;
import io.gatewire.testkit.envoy.EnvoyBootstrap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Provenance people can see, on a real Envoy with real requests (docs/observability.md): for a
 * Gateway with every listener kind, the default access log line of a routed request, a redirect, a
 * 404, a weighted split, an HTTPS request, a TCP connection, a TLS passthrough connection and a UDP
 * session names exactly the Gateway, listener, route, rule and backend it went through; Envoy's
 * {@code /stats/prometheus}, with the stats configuration of the bootstrap Gatewire ships, has
 * series labelled with them and counting those requests; and the spans Envoy sends to an OTLP/gRPC
 * receiver carry them as tags.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityInEnvoyTest {
  private static final Path INPUT = Path.of("src/test/resources/observability/input.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** The fields of every default line, whatever the listener kind. */
  static final List<String> FIELDS =
      List.of(
          "authority",
          "backend_kind",
          "backend_name",
          "backend_namespace",
          "backend_port",
          "bytes_received",
          "bytes_sent",
          "downstream_remote_address",
          "duration_ms",
          "gateway_name",
          "gateway_namespace",
          "listener",
          "method",
          "path",
          "protocol",
          "request_id",
          "response_code",
          "response_code_details",
          "response_flags",
          "route_kind",
          "route_name",
          "route_namespace",
          "route_rule",
          "route_rule_name",
          "server_name",
          "start_time",
          "upstream_cluster",
          "upstream_host");

  private static OtlpReceiver otlp;
  private static EchoBackends backends;
  private static EnvoyFixture fixture;
  private static Envoy envoy;

  /** Which Service answered each /split/ request. */
  private static final Map<String, String> SPLIT = new TreeMap<>();

  @BeforeAll
  static void serveAndSendRequests() throws Exception {
    otlp = OtlpReceiver.start();
    String manifests =
        RealCertificates.substitute(
            Files.readString(INPUT, StandardCharsets.UTF_8)
                .replace("OTLP_PORT", String.valueOf(otlp.port())));
    backends = EchoBackends.start(manifests);
    fixture = EnvoyFixture.serve(backends.manifests());
    envoy =
        fixture.envoy(
            EnvoyBootstrap.ads("envoy-observability", "myns/eg", fixture.xdsPort())
                .withStatsConfig(EnvoyBootstrap.shippedStatsConfig()));
    envoy.awaitLive(Duration.ofSeconds(10));
    envoy.awaitStable(Duration.ofSeconds(10));

    int http = fixture.listenerPort(80);
    assertThat(RawHttp.get(http, "shop.example.com", "/cart/1").status()).isEqualTo(200);
    assertThat(RawHttp.get(http, "shop.example.com", "/old").status()).isEqualTo(301);
    for (int i = 0; i < 40 && new TreeSet<>(SPLIT.values()).size() < 2; i++) {
      RawHttp answer = RawHttp.get(http, "shop.example.com", "/split/" + i);
      assertThat(answer.status()).isEqualTo(200);
      SPLIT.put("/split/" + i, JSON.readTree(answer.body()).path("service").asText());
    }
    assertThat(RawHttp.get(http, "nowhere.example.com", "/nowhere").status()).isEqualTo(404);
    assertThat(RawHttp.get(http, "shop.example.com", "/nothing").status()).isEqualTo(404);
    assertThat(TrustingTls.get(fixture.listenerPort(443), "secure.example.com", "/hello"))
        .isEqualTo(200);
    tcpRequest(fixture.listenerPort(9000));
    tlsPassthroughAttempt(fixture.listenerPort(9443), "tls.example.com");
    udpDatagram(fixture.listenerPort(9053));
  }

  @AfterAll
  static void stop() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
    if (backends != null) {
      backends.close();
    }
    if (otlp != null) {
      otlp.close();
    }
  }

  @Test
  @Order(1)
  void everyLine_hasTheSameFields_nullWhereTheyDoNotApply() {
    List<JsonNode> lines = awaitLines(5 + SPLIT.size() + 2);
    for (JsonNode line : lines) {
      List<String> names = new ArrayList<>();
      line.fieldNames().forEachRemaining(names::add);
      assertThat(names).as(line.toString()).containsExactlyInAnyOrderElementsOf(FIELDS);
    }
  }

  @Test
  @Order(2)
  void aRoutedRequest_namesTheGatewayListenerRouteRuleAndBackend() {
    assertFields(
        linePath("/cart/1"),
        fields(
            "response_code", "200",
            "method", "GET",
            "authority", "shop.example.com",
            "gateway_namespace", "myns",
            "gateway_name", "eg",
            "listener", "http",
            "route_kind", "HTTPRoute",
            "route_namespace", "myns",
            "route_name", "shop",
            "route_rule", "0",
            "route_rule_name", "cart",
            "upstream_cluster", "httproute/myns/shop/rule/0",
            "backend_kind", "Service",
            "backend_namespace", "myns",
            "backend_name", "svc-a",
            "backend_port", "8080",
            "server_name", null));
  }

  @Test
  @Order(3)
  void aRedirect_namesItsRule_andNoBackend() {
    assertFields(
        linePath("/old"),
        fields(
            "response_code", "301",
            "listener", "http",
            "route_kind", "HTTPRoute",
            "route_name", "shop",
            "route_rule", "1",
            "route_rule_name", null,
            "upstream_cluster", null,
            "upstream_host", null,
            "backend_kind", null,
            "backend_name", null,
            "backend_port", null));
  }

  @Test
  @Order(4)
  void a404_namesTheGateway_andTheListenerWhenAVirtualHostTookIt() {
    assertFields(
        linePath("/nowhere"),
        fields(
            "response_code", "404",
            "gateway_namespace", "myns",
            "gateway_name", "eg",
            "listener", null,
            "route_kind", null,
            "route_name", null,
            "route_rule", null,
            "upstream_cluster", null,
            "backend_name", null));
    assertFields(
        linePath("/nothing"),
        fields(
            "response_code",
            "404",
            "gateway_name",
            "eg",
            "listener",
            "http",
            "route_name",
            null,
            "route_rule",
            null,
            "backend_name",
            null));
  }

  @Test
  @Order(5)
  void aWeightedSplit_namesTheBackendThatAnswered() {
    assertThat(new TreeSet<>(SPLIT.values())).containsExactly("svc-a", "svc-b");
    SPLIT.forEach(
        (path, service) ->
            assertFields(
                linePath(path),
                fields(
                    "route_rule", "2",
                    "route_rule_name", "split",
                    "upstream_cluster", "httproute/myns/shop/rule/2",
                    "backend_kind", "Service",
                    "backend_namespace", "myns",
                    "backend_name", service,
                    "backend_port", "8080")));
  }

  @Test
  @Order(6)
  void httpsTcpAndTlsPassthrough_nameTheirListenerAndRoute() {
    assertFields(
        linePath("/hello"),
        fields(
            "response_code", "200",
            "listener", "secure",
            "server_name", "secure.example.com",
            "route_kind", "HTTPRoute",
            "route_name", "secure",
            "route_rule", "0",
            "upstream_cluster", "httproute/myns/secure/rule/0",
            "backend_name", "svc-b"));
    assertFields(
        lineOfListener("tcp"),
        fields(
            "method", null,
            "path", null,
            "response_code", null,
            "protocol", null,
            "request_id", null,
            "gateway_namespace", "myns",
            "gateway_name", "eg",
            "route_kind", "TCPRoute",
            "route_namespace", "myns",
            "route_name", "tcp",
            "route_rule", "0",
            "route_rule_name", null,
            "upstream_cluster", "tcproute/myns/tcp/rule/0",
            "backend_kind", "Service",
            "backend_namespace", "myns",
            "backend_name", "svc-a",
            "backend_port", "8080"));
    assertFields(
        lineOfListener("passthrough"),
        fields(
            "server_name", "tls.example.com",
            "route_kind", "TLSRoute",
            "route_name", "passthrough",
            "route_rule", "0",
            "upstream_cluster", "tlsroute/myns/passthrough/rule/0",
            "backend_name", "svc-b",
            "backend_port", "8080"));
  }

  @Test
  @Order(7)
  void prometheus_labelsRoutesRulesAndBackends_withTheRightCounts() {
    List<PrometheusSeries> series = PrometheusSeries.parse(envoy.admin("/stats/prometheus"));
    Map<String, String> shop =
        Map.of(
            "gatewire_gateway_namespace", "myns",
            "gatewire_gateway_name", "eg",
            "gatewire_route_kind", "httproute",
            "gatewire_route_namespace", "myns",
            "gatewire_route_name", "shop");

    assertThat(
            sum(
                series,
                "envoy_vhost_route_upstream_rq_total",
                with(shop, "gatewire_route_rule", "0")))
        .as("requests of rule 0 (cart) per virtual host and rule")
        .isEqualTo(1);
    assertThat(
            sum(
                series,
                "envoy_vhost_route_upstream_rq_xx",
                with(with(shop, "gatewire_route_rule", "2"), "envoy_response_code_class", "2")))
        .isEqualTo(SPLIT.size());
    assertThat(
            sum(
                series,
                "envoy_vhost_route_upstream_rq_time_count",
                with(shop, "gatewire_route_rule", "2")))
        .as("a latency histogram per rule")
        .isEqualTo(SPLIT.size());
    for (String service : List.of("svc-a", "svc-b")) {
      long answered = SPLIT.values().stream().filter(service::equals).count();
      Map<String, String> backend =
          with(
              with(
                  with(with(shop, "gatewire_route_rule", "2"), "gatewire_backend_kind", "service"),
                  "gatewire_backend_namespace",
                  "myns"),
              "gatewire_backend_name",
              service);
      assertThat(
              sum(
                  series,
                  "envoy_cluster_zone_upstream_rq_completed",
                  with(backend, "gatewire_backend_port", "8080")))
          .as("requests of the split answered by %s", service)
          .isEqualTo(answered);
      assertThat(sum(series, "envoy_cluster_zone_upstream_rq_time_count", backend))
          .as("a latency histogram per backend")
          .isEqualTo(answered);
    }
    Map<String, String> rule0 = new TreeMap<>(shop);
    rule0.remove("gatewire_gateway_namespace");
    rule0.remove("gatewire_gateway_name");
    assertThat(
            sum(
                series,
                "envoy_cluster_upstream_rq_xx",
                with(with(rule0, "gatewire_route_rule", "0"), "envoy_response_code_class", "2")))
        .as("the rule's cluster")
        .isEqualTo(1);
    assertThat(
            sum(
                series,
                "envoy_tcp_downstream_cx_total",
                Map.of(
                    "gatewire_route_kind", "tcproute",
                    "gatewire_route_namespace", "myns",
                    "gatewire_route_name", "tcp")))
        .isEqualTo(1);
    assertThat(
            sum(
                series,
                "envoy_http_downstream_rq_xx",
                Map.of(
                    "gatewire_gateway_namespace", "myns",
                    "gatewire_gateway_name", "eg",
                    "envoy_response_code_class", "4")))
        .isEqualTo(2);
  }

  @Test
  @Order(8)
  void spans_carryTheGatewayListenerRouteAndRule() {
    await()
        .atMost(WAIT)
        .until(
            () ->
                otlp.spans().stream()
                        .anyMatch(
                            s -> s.attributes().getOrDefault("http.url", "").contains("/cart/1"))
                    && otlp.spans().stream()
                        .anyMatch(
                            s -> s.attributes().getOrDefault("http.url", "").contains("/hello")));
    OtlpReceiver.ReceivedSpan cart = span("/cart/1");
    assertThat(cart.serviceName()).isEqualTo("shop-edge");
    assertThat(cart.attributes())
        .containsAllEntriesOf(
            Map.of(
                "gatewire.gateway.namespace", "myns",
                "gatewire.gateway.name", "eg",
                "gatewire.listener", "http",
                "gatewire.route.kind", "HTTPRoute",
                "gatewire.route.namespace", "myns",
                "gatewire.route.name", "shop",
                "gatewire.route.rule", "0",
                "gatewire.route.rule_name", "cart",
                "upstream_cluster", "httproute/myns/shop/rule/0"));
    assertThat(span("/hello").attributes())
        .containsEntry("gatewire.listener", "secure")
        .containsEntry("gatewire.route.name", "secure")
        .doesNotContainKey("gatewire.route.rule_name");
    assertThat(cart.attributes())
        .as("the backend needs --endpoint-metadata: Envoy tags spans from host metadata only")
        .doesNotContainKey("gatewire.backend");
  }

  @Test
  @Order(9)
  void serveExplains_theLinesAndSeriesEnvoyWrote() throws Exception {
    String svcB =
        SPLIT.entrySet().stream()
            .filter(e -> e.getValue().equals("svc-b"))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    JsonNode line = explain(linePath(svcB).toString(), 200);
    assertThat(objects(line))
        .hasSize(4)
        .startsWith("Gateway myns/eg", "HTTPRoute myns/shop", "Service myns/svc-b");
    assertThat(objects(line).get(3)).startsWith("EndpointSlice myns/svc-b-");
    List<String> details = new ArrayList<>();
    line.at("/objects/1/details").forEach(d -> details.add(d.asText()));
    assertThat(details)
        .contains(
            "rule 2 \"split\": PathPrefix /split",
            "backendRef 1: Service myns/svc-b port 8080 weight 50  <- this one");

    String series =
        envoy
            .admin("/stats/prometheus")
            .lines()
            .filter(l -> l.startsWith("envoy_cluster_zone_upstream_rq_completed{"))
            .filter(l -> l.contains("gatewire_backend_name=\"svc-a\""))
            .findFirst()
            .orElseThrow();
    assertThat(objects(explain(series, 200)))
        .contains("Gateway myns/eg", "HTTPRoute myns/shop", "Service myns/svc-a");

    JsonNode request = explain("http://shop.example.com/cart/1", 200);
    assertThat(objects(request)).contains("HTTPRoute myns/shop", "Service myns/svc-a");
    assertThat(request.at("/objects/1/location").asText())
        .as("file mode: the input file and line")
        .matches(".*input\\.yaml:\\d+");

    JsonNode unknown = explain("myns/eg/81", 404);
    assertThat(unknown.path("resolved").asBoolean()).isFalse();
    assertThat(unknown.path("unresolved").toString()).contains("myns/eg/81");
  }

  @Test
  @Order(10)
  void aUdpSession_isLoggedWhenItEnds_namingListenerRouteAndBackend() {
    envoy.close(); // a UDP session's line is written when it ends; stopping Envoy ends it
    JsonNode udp = lineOfListener("udp");
    assertFields(
        udp,
        fields(
            "gateway_namespace", "myns",
            "gateway_name", "eg",
            "route_kind", "UDPRoute",
            "route_namespace", "myns",
            "route_name", "dns",
            "route_rule", "0",
            "upstream_cluster", "udproute/myns/dns/rule/0",
            "backend_kind", "Service",
            "backend_name", "svc-dns",
            "backend_port", "53",
            "method", null,
            "server_name", null));
    List<String> names = new ArrayList<>();
    udp.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyInAnyOrderElementsOf(FIELDS);
  }

  private static JsonNode explain(String question, int status) throws IOException {
    HttpResponse<String> response =
        fixture.adminResponse(
            "/explain?o=json&q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static List<String> objects(JsonNode explanation) {
    List<String> objects = new ArrayList<>();
    explanation
        .path("objects")
        .forEach(
            o ->
                objects.add(
                    o.path("kind").asText()
                        + " "
                        + o.path("namespace").asText()
                        + "/"
                        + o.path("name").asText()));
    return objects;
  }

  private static OtlpReceiver.ReceivedSpan span(String path) {
    return otlp.spans().stream()
        .filter(s -> s.attributes().getOrDefault("http.url", "").contains(path))
        .findFirst()
        .orElseThrow();
  }

  private static long sum(List<PrometheusSeries> series, String name, Map<String, String> labels) {
    return Math.round(
        series.stream()
            .filter(s -> s.name().equals(name) && s.has(labels))
            .mapToDouble(PrometheusSeries::value)
            .sum());
  }

  private static Map<String, String> with(Map<String, String> labels, String name, String value) {
    Map<String, String> more = new TreeMap<>(labels);
    more.put(name, value);
    return more;
  }

  private static List<JsonNode> lines() {
    List<JsonNode> lines = new ArrayList<>();
    for (String text : envoy.stdoutLines()) {
      try {
        lines.add(JSON.readTree(text));
      } catch (IOException e) {
        // not an access log line
      }
    }
    return lines;
  }

  private static List<JsonNode> awaitLines(int count) {
    await().atMost(WAIT).until(() -> lines().size() >= count);
    return lines();
  }

  private static JsonNode linePath(String path) {
    await()
        .atMost(WAIT)
        .until(() -> lines().stream().anyMatch(l -> l.path("path").asText().equals(path)));
    return lines().stream().filter(l -> l.path("path").asText().equals(path)).findFirst().get();
  }

  private static JsonNode lineOfListener(String listener) {
    await()
        .atMost(WAIT)
        .until(() -> lines().stream().anyMatch(l -> l.path("listener").asText().equals(listener)));
    return lines().stream()
        .filter(l -> l.path("listener").asText().equals(listener))
        .findFirst()
        .get();
  }

  /** Pairs of field and expected text; null means the JSON null. */
  private static Map<String, String> fields(String... pairs) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put(pairs[i], pairs[i + 1]);
    }
    return fields;
  }

  private static void assertFields(JsonNode line, Map<String, String> expected) {
    Map<String, String> actual = new LinkedHashMap<>();
    expected
        .keySet()
        .forEach(
            name -> {
              assertThat(line.has(name)).as("%s has %s", line, name).isTrue();
              JsonNode value = line.get(name);
              actual.put(name, value.isNull() ? null : value.asText());
            });
    assertThat(actual).as(line.toString()).isEqualTo(expected);
  }

  private static void tcpRequest(int port) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              "GET /tcp HTTP/1.1\r\nHost: tcp.example.com\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .startsWith("HTTP/1.1 200");
    }
  }

  /** The backend speaks plain HTTP, so the handshake fails; Envoy still forwarded and logged it. */
  private static void tlsPassthroughAttempt(int port, String serverName) {
    try (SSLSocket socket = TrustingTls.connect(port, serverName)) {
      socket.startHandshake();
    } catch (SSLException e) {
      // expected
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void udpDatagram(int port) throws IOException {
    try (DatagramSocket socket = new DatagramSocket()) {
      byte[] payload = "query".getBytes(StandardCharsets.US_ASCII);
      socket.send(
          new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), port));
    }
  }
}
