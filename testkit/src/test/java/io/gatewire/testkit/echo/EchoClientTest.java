package io.gatewire.testkit.echo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.testkit.echo.EchoClient.Protocol;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EchoClientTest {
  private static EchoServer echo;

  @BeforeAll
  static void start() {
    echo = EchoServer.start(new EchoServer.Identity("ns", "svc", "svc-5d8f7c9b6a-abcde"));
  }

  @AfterAll
  static void stop() {
    echo.close();
  }

  private static EchoClient.Request request(Protocol protocol, String host, String path) {
    return new EchoClient.Request(
        echo.port(),
        protocol,
        Optional.empty(),
        host,
        "PATCH",
        path,
        Map.of("X-Echo-Set-Header", "X-Answer:42", "X-Sent", "yes"),
        Duration.ofSeconds(5));
  }

  @Test
  void http11_sendsAnyHost_andReadsTheEchoedRequestAndTheResponseHeaders() {
    EchoClient.Response response =
        EchoClient.send(request(Protocol.HTTP_1_1, "shop.example.com:8080", "/a/b?q=1"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.protocol()).isEqualTo("HTTP/1.1");
    assertThat(response.header("X-Answer")).contains("42");
    EchoClient.EchoedRequest echoed = response.echoed().orElseThrow();
    assertThat(echoed.host()).isEqualTo("shop.example.com:8080");
    assertThat(echoed.path()).isEqualTo("/a/b?q=1");
    assertThat(echoed.method()).isEqualTo("PATCH");
    assertThat(echoed.header("x-sent")).contains("yes");
    assertThat(echoed.namespace()).isEqualTo("ns");
    assertThat(echoed.pod()).isEqualTo("svc-5d8f7c9b6a-abcde");
    assertThat(echo.received())
        .anySatisfy(received -> assertThat(received.path()).isEqualTo("/a/b?q=1"));
  }

  @Test
  void h2cWithPriorKnowledge_speaksHttp2_withTheAuthorityAsHost() {
    EchoClient.Response response =
        EchoClient.send(request(Protocol.H2C_PRIOR_KNOWLEDGE, "h2.example.com", "/h2"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.protocol()).isEqualTo("HTTP/2.0");
    assertThat(response.echoed().orElseThrow().proto()).isEqualTo("HTTP/2.0");
    assertThat(response.echoed().orElseThrow().host()).isEqualTo("h2.example.com");
  }

  @Test
  void anAnswerThatIsNotJson_hasNoEchoedRequest() {
    EchoClient.Response response = EchoClient.send(request(Protocol.HTTP_1_1, "x", "/status/503"));

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.echoed()).isEmpty();
  }

  @Test
  void noServer_isStatusZero_withTheReason() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    EchoClient.Response response =
        EchoClient.send(
            new EchoClient.Request(
                closed,
                Protocol.HTTP_1_1,
                Optional.empty(),
                "x",
                "GET",
                "/",
                Map.of(),
                Duration.ofSeconds(2)));

    assertThat(response.status()).isZero();
    assertThat(response.error()).isNotBlank();
  }
}
