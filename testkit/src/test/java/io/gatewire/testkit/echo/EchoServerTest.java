package io.gatewire.testkit.echo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EchoServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static EchoServer echo;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    echo =
        EchoServer.start(
            new EchoServer.Identity(
                "gateway-conformance-infra", "infra-backend-v1", "infra-backend-v1-0"));
  }

  @AfterAll
  static void stop() {
    echo.close();
  }

  private HttpResponse<String> get(String target, HttpClient.Version version, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + echo.port() + target))
            .version(version);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void echoesTheRequest_asTheConformanceEchoServerDoes() throws Exception {
    HttpResponse<String> response =
        get("/some/path?x=1", HttpClient.Version.HTTP_1_1, "x-custom", "a", "X-Custom", "b");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("path").asText()).isEqualTo("/some/path?x=1");
    assertThat(body.path("host").asText()).isEqualTo("127.0.0.1:" + echo.port());
    assertThat(body.path("method").asText()).isEqualTo("GET");
    assertThat(body.path("proto").asText()).isEqualTo("HTTP/1.1");
    assertThat(body.path("headers").path("X-Custom").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(body.path("headers").has("Host")).isFalse();
    assertThat(body.path("namespace").asText()).isEqualTo("gateway-conformance-infra");
    assertThat(body.path("service").asText()).isEqualTo("infra-backend-v1");
    assertThat(body.path("pod").asText()).isEqualTo("infra-backend-v1-0");
  }

  @Test
  void setsTheResponseHeadersAskedFor_andTheStatusOfStatusPaths() throws Exception {
    HttpResponse<String> response =
        get(
            "/",
            HttpClient.Version.HTTP_1_1,
            "X-Echo-Set-Header",
            "X-Foo: one, X-Bar:two,X-Foo:three");

    assertThat(response.headers().firstValue("X-Foo")).hasValue("one,three");
    assertThat(response.headers().firstValue("X-Bar")).hasValue("two");
    assertThat(get("/status/503", HttpClient.Version.HTTP_1_1).statusCode()).isEqualTo(503);
    assertThat(get("/health", HttpClient.Version.HTTP_1_1).body()).isEqualTo("OK");
  }

  @Test
  void retryPath_failsTheFirstAttemptsThenEchoes() throws Exception {
    String target = "/retry/?uuid=u1&succeedAfter=2&responseCode=503";

    assertThat(get(target, HttpClient.Version.HTTP_1_1).statusCode()).isEqualTo(503);
    assertThat(get(target, HttpClient.Version.HTTP_1_1).statusCode()).isEqualTo(503);
    assertThat(get(target, HttpClient.Version.HTTP_1_1).statusCode()).isEqualTo(200);
  }

  @Test
  void h2cByUpgrade_isAnsweredOverHttp2() throws Exception {
    HttpResponse<String> response = get("/h2c", HttpClient.Version.HTTP_2);

    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(JSON.readTree(response.body()).path("proto").asText()).isEqualTo("HTTP/2.0");
  }

  @Test
  void h2cWithPriorKnowledge_isAnsweredOverHttp2() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      String body =
          vertx
              .createHttpClient(
                  new HttpClientOptions()
                      .setProtocolVersion(HttpVersion.HTTP_2)
                      .setHttp2ClearTextUpgrade(false))
              .request(
                  new RequestOptions()
                      .setMethod(HttpMethod.GET)
                      .setHost("127.0.0.1")
                      .setPort(echo.port())
                      .setURI("/prior"))
              .compose(request -> request.send().compose(r -> r.body()))
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS)
              .toString();

      assertThat(JSON.readTree(body).path("proto").asText()).isEqualTo("HTTP/2.0");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void webSocketOnWs_echoesMessages() throws Exception {
    CompletableFuture<String> echoed = new CompletableFuture<>();
    WebSocket socket =
        http.newWebSocketBuilder()
            .buildAsync(
                URI.create("ws://127.0.0.1:" + echo.port() + "/ws"),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(
                      WebSocket webSocket, CharSequence data, boolean last) {
                    echoed.complete(data.toString());
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    socket.sendText("hello", true).get(10, TimeUnit.SECONDS);

    assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo("hello");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
  }

  @Test
  void goDurations_areReadAsGoReadsThem() {
    assertThat(GoDurations.millis("1s")).isEqualTo(1000);
    assertThat(GoDurations.millis("1m30s")).isEqualTo(90_000);
    assertThat(GoDurations.millis("1.5s")).isEqualTo(1500);
    assertThat(GoDurations.millis("250ms")).isEqualTo(250);
  }
}
