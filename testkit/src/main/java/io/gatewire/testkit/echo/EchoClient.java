package io.gatewire.testkit.echo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Sends one request to a loopback port the way the Gateway API conformance harness's round tripper
 * does, and reads the echo backend's answer: a new connection per request, any {@code Host} (or
 * HTTP/2 {@code :authority}), HTTP/1.1, HTTP/2 over TLS (ALPN {@code h2} only) or h2c with prior
 * knowledge, TLS with a server name (SNI) and one trusted certificate. Redirects are never
 * followed. A JSON answer ({@code Content-Type: application/json}) is read as the request the echo
 * backend received; any other answer has none, as for the harness.
 *
 * <p>The server certificate's chain is checked against the trusted certificate; its names are not
 * checked against the server name (the Java checker refuses wildcards such as {@code *.org} that
 * the conformance suite's generated certificate uses).
 */
public final class EchoClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EchoClient() {}

  /** The wire protocols the conformance harness uses. */
  public enum Protocol {
    HTTP_1_1,
    /** HTTP/2 over TLS, negotiated by ALPN. */
    H2,
    /** HTTP/2 over plain TCP without an upgrade. */
    H2C_PRIOR_KNOWLEDGE
  }

  /** TLS: the server name sent (SNI) and the PEM certificate trusted for the server's chain. */
  public record Tls(String serverName, String trustedCertificatePem) {
    public Tls {
      Objects.requireNonNull(serverName, "serverName");
      Objects.requireNonNull(trustedCertificatePem, "trustedCertificatePem");
    }
  }

  /**
   * One request to {@code 127.0.0.1:port}.
   *
   * @param host the {@code Host} header (or {@code :authority}), as sent
   * @param path the request target: path and query, sent as given
   * @param headers sent in this order, one value each
   */
  public record Request(
      int port,
      Protocol protocol,
      Optional<Tls> tls,
      String host,
      String method,
      String path,
      Map<String, String> headers,
      Duration timeout) {
    public Request {
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(tls, "tls");
      Objects.requireNonNull(host, "host");
      method = method == null || method.isEmpty() ? "GET" : method;
      path = path == null || path.isEmpty() ? "/" : path;
      headers =
          headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
  }

  /**
   * The answer: {@code status} 0 when there was none ({@code error} says why); headers by
   * lower-case name; the body; the request the echo backend echoed (empty for any answer that is
   * not JSON); the server's certificates on TLS.
   */
  public record Response(
      int status,
      String error,
      String protocol,
      Map<String, List<String>> headers,
      String body,
      Optional<EchoedRequest> echoed,
      List<X509Certificate> peerCertificates) {
    public Response {
      headers = Map.copyOf(headers);
      peerCertificates = List.copyOf(peerCertificates);
    }

    /** No answer, and why. */
    public static Response failed(String error) {
      return new Response(0, error, "", Map.of(), "", Optional.empty(), List.of());
    }

    /** The values of a response header joined with {@code ,}, as the harness joins them. */
    public Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? Optional.empty() : Optional.of(String.join(",", values));
    }
  }

  /**
   * The request as the echo backend saw it: {@code path} is the request target (query included),
   * headers by canonical name.
   */
  public record EchoedRequest(
      String path,
      String host,
      String method,
      String proto,
      Map<String, List<String>> headers,
      String namespace,
      String pod) {
    public EchoedRequest {
      headers = Map.copyOf(headers);
    }

    /** A header's values joined with {@code ,}, found case-insensitively. */
    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> String.join(",", e.getValue()))
          .findFirst();
    }
  }

  /** Sends {@code request} and waits for the whole answer, at most its timeout. */
  public static Response send(Request request) {
    HttpClient client = EchoServer.vertx().createHttpClient(options(request));
    try {
      RequestOptions target =
          new RequestOptions()
              .setServer(SocketAddress.inetSocketAddress(request.port(), "127.0.0.1"))
              .setHost(request.tls().map(Tls::serverName).orElse("127.0.0.1"))
              .setPort(request.port())
              .setMethod(HttpMethod.valueOf(request.method()))
              .setURI(request.path())
              .setTimeout(request.timeout().toMillis());
      Future<Response> answer =
          client
              .request(target)
              .compose(
                  outgoing -> {
                    outgoing.authority(authority(request.host(), request.port()));
                    request.headers().forEach(outgoing::putHeader);
                    return outgoing
                        .send()
                        .compose(
                            response -> response.body().map(body -> read(request, response, body)));
                  });
      return answer
          .toCompletionStage()
          .toCompletableFuture()
          .get(request.timeout().toMillis() + 2_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return Response.failed(String.valueOf(e.getCause()));
    } catch (TimeoutException e) {
      return Response.failed("no answer within " + request.timeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Response.failed("interrupted");
    } finally {
      client.close();
    }
  }

  private static HttpClientOptions options(Request request) {
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(false)
            .setConnectTimeout((int) request.timeout().toMillis())
            .setMaxRedirects(0);
    if (request.protocol() == Protocol.H2C_PRIOR_KNOWLEDGE) {
      options.setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false);
    }
    request
        .tls()
        .ifPresent(
            tls ->
                options
                    .setSsl(true)
                    .setForceSni(true)
                    .setVerifyHost(false)
                    .setTrustOptions(
                        new PemTrustOptions()
                            .addCertValue(Buffer.buffer(tls.trustedCertificatePem()))));
    if (request.protocol() == Protocol.H2) {
      options
          .setProtocolVersion(HttpVersion.HTTP_2)
          .setUseAlpn(true)
          .setAlpnVersions(List.of(HttpVersion.HTTP_2));
    }
    return options;
  }

  /** {@code host} as the authority: a trailing {@code :port} is kept, none added. */
  private static HostAndPort authority(String host, int port) {
    HostAndPort parsed = host.isEmpty() ? null : HostAndPort.parseAuthority(host, -1);
    return parsed != null ? parsed : HostAndPort.create(host.isEmpty() ? "127.0.0.1" : host, -1);
  }

  private static Response read(Request request, HttpClientResponse response, Buffer body) {
    if (request.protocol() == Protocol.H2 && response.version() != HttpVersion.HTTP_2) {
      return Response.failed(
          "the server did not negotiate h2 (ALPN), it answered " + response.version());
    }
    Map<String, List<String>> headers = new TreeMap<>();
    for (String name : response.headers().names()) {
      headers
          .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
          .addAll(response.headers().getAll(name));
    }
    String text = body.toString();
    String contentType = response.getHeader("Content-Type");
    Optional<EchoedRequest> echoed =
        "application/json".equals(contentType) ? echoed(text) : Optional.empty();
    return new Response(
        response.statusCode(),
        null,
        switch (response.version()) {
          case HTTP_1_0 -> "HTTP/1.0";
          case HTTP_1_1 -> "HTTP/1.1";
          case HTTP_2 -> "HTTP/2.0";
        },
        headers,
        text,
        echoed,
        certificates(response));
  }

  private static Optional<EchoedRequest> echoed(String body) {
    try {
      JsonNode json = JSON.readTree(body);
      Map<String, List<String>> headers = new TreeMap<>();
      json.path("headers")
          .fields()
          .forEachRemaining(
              e -> {
                List<String> values = new ArrayList<>();
                e.getValue().forEach(v -> values.add(v.asText()));
                headers.put(e.getKey(), values);
              });
      return Optional.of(
          new EchoedRequest(
              json.path("path").asText(),
              json.path("host").asText(),
              json.path("method").asText(),
              json.path("proto").asText(),
              headers,
              json.path("namespace").asText(),
              json.path("pod").asText()));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static List<X509Certificate> certificates(HttpClientResponse response) {
    if (!response.request().connection().isSsl()) {
      return List.of();
    }
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate certificate : response.request().connection().peerCertificates()) {
        certificates.add((X509Certificate) certificate);
      }
      return certificates;
    } catch (SSLPeerUnverifiedException e) {
      return List.of();
    }
  }
}
