package io.gatewire.bootstrap.envoy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewire.testkit.echo.EchoBackends;
import io.gatewire.testkit.echo.EchoServer;
import io.gatewire.testkit.envoy.Envoy;
import io.gatewire.testkit.envoy.EnvoyBootstrap.AdsProtocol;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backend protocols through a real Envoy (docs/httproute.md): the vendored Gateway API conformance
 * tests HTTPRouteBackendProtocolH2C (a client's h2c request reaches the backend over HTTP/2
 * cleartext, because its Service port says {@code kubernetes.io/h2c}) and
 * HTTPRouteBackendProtocolWebSocket (a WebSocket through the route to the {@code kubernetes.io/ws}
 * port echoes a text and a binary frame); with {@code --http-websockets DeclaredBackends} only
 * routes to such a port take the upgrade; and a mirror backend sees the request's own Host, without
 * Envoy's {@code -shadow} suffix.
 */
class BackendProtocolsTest {
  private static final String GATEWAY = "gateway-conformance-infra/same-namespace";
  private static final String GATEWAY_CLASS =
      """
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: gatewire}
      spec: {controllerName: gatewire.io/gateway-controller}
      """;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void conformance_HTTPRouteBackendProtocolH2C_reachesTheBackendOverHttp2(@TempDir Path dir)
      throws Exception {
    String manifests = conformance(dir, "HTTPRouteBackendProtocolH2C");
    try (EchoBackends backends = EchoBackends.start(manifests);
        EnvoyFixture fixture = EnvoyFixture.serve(backends.manifests())) {
      live(fixture.envoy(GATEWAY, AdsProtocol.DELTA));
      HttpClient client =
          vertx.createHttpClient(
              new HttpClientOptions()
                  .setProtocolVersion(HttpVersion.HTTP_2)
                  .setHttp2ClearTextUpgrade(false));
      try {
        JsonNode echo =
            new ObjectMapper()
                .readTree(
                    client
                        .request(HttpMethod.GET, fixture.listenerPort(80), "127.0.0.1", "/")
                        .compose(
                            request ->
                                request
                                    .send()
                                    .compose(
                                        response -> {
                                          assertThat(response.version())
                                              .as("downstream protocol")
                                              .isEqualTo(HttpVersion.HTTP_2);
                                          assertThat(response.statusCode()).isEqualTo(200);
                                          return response.body();
                                        }))
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                        .toString());
        assertThat(echo.path("pod").asText()).startsWith("infra-backend-v1");
        assertThat(echo.path("namespace").asText()).isEqualTo("gateway-conformance-infra");
        assertThat(echo.path("proto").asText()).as("upstream protocol").isEqualTo("HTTP/2.0");
      } finally {
        client.close();
      }
    }
  }

  @Test
  void conformance_HTTPRouteBackendProtocolWebSocket_echoesTextAndBinaryFrames(@TempDir Path dir)
      throws Exception {
    String manifests = conformance(dir, "HTTPRouteBackendProtocolWebSocket");
    try (EchoBackends backends = EchoBackends.start(manifests);
        EnvoyFixture fixture = EnvoyFixture.serve(backends.manifests())) {
      live(fixture.envoy(GATEWAY, AdsProtocol.DELTA));
      WebSocketClient client = vertx.createWebSocketClient();
      try {
        WebSocket socket =
            client
                .connect(fixture.listenerPort(80), "127.0.0.1", "/ws")
                .toCompletionStage()
                .toCompletableFuture()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        CompletableFuture<String> text = new CompletableFuture<>();
        CompletableFuture<Buffer> binary = new CompletableFuture<>();
        socket.textMessageHandler(text::complete);
        socket.binaryMessageHandler(binary::complete);
        socket.writeTextMessage("Hello, World!");
        assertThat(text.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("Hello, World!");
        socket.writeBinaryMessage(Buffer.buffer(new byte[] {1, 2, 3, 4}));
        assertThat(binary.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).getBytes())
            .containsExactly(1, 2, 3, 4);
        socket.close();
      } finally {
        client.close();
      }
      assertThat(
              backends.servers("gateway-conformance-infra", "infra-backend-v1").get(0).requests())
          .as("the handshake reached infra-backend-v1")
          .isPositive();
    }
  }

  private static final String TWO_ROUTES =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: gatewire}
      spec: {controllerName: gatewire.io/gateway-controller}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: eg, namespace: myns}
      spec:
        gatewayClassName: gatewire
        listeners:
        - {name: http, protocol: HTTP, port: 80}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: ws, namespace: myns}
      spec:
        parentRefs: [{name: eg}]
        hostnames: [ws.example.com]
        rules:
        - backendRefs: [{name: svc, port: 8082}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: plain, namespace: myns}
      spec:
        parentRefs: [{name: eg}]
        hostnames: [plain.example.com]
        rules:
        - backendRefs: [{name: svc, port: 8080}]
          filters:
          - type: RequestMirror
            requestMirror:
              backendRef: {name: svc-mirror, port: 8080}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: svc, namespace: myns}
      spec:
        ports:
        - {name: http, port: 8080}
        - {name: ws, port: 8082, appProtocol: kubernetes.io/ws}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: svc-mirror, namespace: myns}
      spec: {ports: [{name: http, port: 8080}]}
      """;

  @Test
  void upgrades_onEveryRouteByDefault_onlyToDeclaredWebSocketPortsWithDeclaredBackends() {
    try (EchoBackends backends = EchoBackends.start(TWO_ROUTES)) {
      try (EnvoyFixture fixture = EnvoyFixture.serve(backends.manifests(), List.of())) {
        live(fixture.envoy("myns/eg", AdsProtocol.DELTA));
        assertThat(upgradeStatus(fixture.listenerPort(80), "ws.example.com")).isEqualTo(101);
        assertThat(upgradeStatus(fixture.listenerPort(80), "plain.example.com")).isEqualTo(101);
      }
      try (EnvoyFixture fixture =
          EnvoyFixture.serve(
              backends.manifests(), List.of("--http-websockets", "DeclaredBackends"))) {
        live(fixture.envoy("myns/eg", AdsProtocol.DELTA));
        assertThat(upgradeStatus(fixture.listenerPort(80), "ws.example.com")).isEqualTo(101);
        assertThat(upgradeStatus(fixture.listenerPort(80), "plain.example.com"))
            .as("an upgrade to a port that does not declare kubernetes.io/ws")
            .isEqualTo(403);
      }
    }
  }

  @Test
  void aMirrorBackend_seesTheRequestsOwnHost() {
    try (EchoBackends backends = EchoBackends.start(TWO_ROUTES);
        EnvoyFixture fixture = EnvoyFixture.serve(backends.manifests(), List.of())) {
      live(fixture.envoy("myns/eg", AdsProtocol.DELTA));
      RawHttp response = RawHttp.get(fixture.listenerPort(80), "plain.example.com", "/mirrored");
      assertThat(response.status()).isEqualTo(200);
      EchoServer mirror = backends.servers("myns", "svc-mirror").get(0);
      await().atMost(TIMEOUT).until(() -> !mirror.hosts().isEmpty());
      assertThat(mirror.hosts()).containsExactly("plain.example.com");
    }
  }

  /** The status of a WebSocket handshake for {@code /ws} on {@code host}. */
  private static int upgradeStatus(int port, String host) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      String handshake =
          "GET /ws HTTP/1.1\r\nHost: "
              + host
              + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
      socket.getOutputStream().write(handshake.getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        line.append((char) c);
      }
      return Integer.parseInt(line.toString().split(" ")[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void live(Envoy envoy) {
    envoy.awaitLive(Duration.ofSeconds(30));
    envoy.awaitStable(TIMEOUT);
    assertThat(envoy.xds().rejected()).as("updates Envoy rejected").isZero();
  }

  /** The conformance base manifests, the test's own, and a GatewayClass. */
  private static String conformance(Path dir, String test) throws IOException {
    Path data = io.gatewire.testkit.conformance.ConformanceData.copyTo(dir.resolve("data"));
    String base = Files.readString(data.resolve("base/manifests.yaml"));
    String own = Files.readString(data.resolve("httproute/" + test + "/manifests.yaml"));
    return (base + "\n---\n" + own + GATEWAY_CLASS).replace("{GATEWAY_CLASS_NAME}", "gatewire");
  }
}
