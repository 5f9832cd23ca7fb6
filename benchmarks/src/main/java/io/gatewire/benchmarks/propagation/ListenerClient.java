package io.gatewire.benchmarks.propagation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP/1.1 requests to Envoy's listener on loopback, with the Host header of the route asked for
 * (which needs the JVM property {@code jdk.httpclient.allowRestrictedHeaders=host}, set by {@link
 * #allowHostHeader} before the first client is built). Connections are kept alive and reused.
 */
final class ListenerClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final int port;
  private final HttpClient http;

  ListenerClient(int port) {
    this.port = port;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
  }

  /** Must run before the JVM's first {@link HttpClient} request, which reads the property. */
  static void allowHostHeader() {
    String allowed = System.getProperty("jdk.httpclient.allowRestrictedHeaders", "");
    if (!allowed.toLowerCase(java.util.Locale.ROOT).contains("host")) {
      System.setProperty(
          "jdk.httpclient.allowRestrictedHeaders", allowed.isEmpty() ? "host" : allowed + ",host");
    }
  }

  /**
   * Sends {@code probe}'s request.
   *
   * @throws IOException when the connection fails (refused, reset, timed out)
   */
  Probe.Answer send(Probe probe) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probe.path()))
            .header("Host", probe.host())
            .timeout(Duration.ofSeconds(5));
    probe.variant().ifPresent(v -> request.header("x-bench-variant", v));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Probe.Answer(response.statusCode(), pod(response));
  }

  private static Optional<String> pod(HttpResponse<String> response) {
    if (response.statusCode() != 200 || !response.body().startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      return Optional.ofNullable(body.path("pod").textValue());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
