package io.gatewire.testkit.echo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback backend that answers as the Gateway API conformance echo server ({@code echo-basic})
 * does, on one port for HTTP/1.1, h2c (HTTP/2 with prior knowledge and by {@code Upgrade: h2c}) and
 * WebSocket:
 *
 * <ul>
 *   <li>any path: 200 with a JSON body of the request as seen here: {@code path} (the request
 *       target, query included), {@code host}, {@code method}, {@code proto} ({@code HTTP/1.1},
 *       {@code HTTP/2.0}), {@code headers} (canonical names to lists of values, {@code Host} left
 *       out), {@code httpPort}, and this server's {@code namespace}, {@code ingress}, {@code
 *       service} and {@code pod};
 *   <li>{@code X-Echo-Set-Header: name:value,name2:value2} sets those response headers (repeated
 *       names are joined with commas);
 *   <li>{@code ?delay=1s} waits that long before answering;
 *   <li>{@code /status/NNN} answers status NNN with no body; {@code /health} answers 200 {@code
 *       OK};
 *   <li>{@code /retry/?uuid=U&succeedAfter=N[&responseCode=C][&delayRetry=D]} fails the first N
 *       requests of U (status C, else a closed connection), then echoes;
 *   <li>a WebSocket on {@code /ws} echoes every message.
 * </ul>
 *
 * <p>Every HTTP request is also kept ({@link #received}), as the echo server's log keeps a line per
 * request: the conformance suite finds mirrored requests there.
 */
public final class EchoServer implements AutoCloseable {
  private static final Pattern STATUS = Pattern.compile("^/status/(\\d\\d\\d)$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile Vertx vertx;

  private final Identity identity;
  private final HttpServer server;
  private final AtomicLong requests = new AtomicLong();
  private final List<String> hosts = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> retryAttempts = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

  /**
   * Who this backend is, as a Pod of a Service would be.
   *
   * @param ingress what {@code echo-basic} reads from {@code INGRESS_NAME}; usually empty
   */
  public record Identity(String namespace, String service, String pod, String ingress) {
    public Identity(String namespace, String service, String pod) {
      this(namespace, service, pod, "");
    }
  }

  /**
   * A request this server received: its method, request target (path and query), Host and headers
   * (canonical names, as echoed).
   */
  public record Received(
      String method, String path, String host, Map<String, List<String>> headers) {
    public Received {
      headers = Map.copyOf(headers);
    }
  }

  private EchoServer(Identity identity, HttpServer server) {
    this.identity = identity;
    this.server = server;
  }

  /** Starts a server on {@code 127.0.0.1} and a free port. */
  public static EchoServer start(Identity identity) {
    HttpServer server =
        vertx()
            .createHttpServer(
                new HttpServerOptions()
                    .setHost("127.0.0.1")
                    .setPort(0)
                    .setHttp2ClearTextEnabled(true)
                    .setMaxWebSocketMessageSize(16 * 1024 * 1024));
    EchoServer echo = new EchoServer(identity, server);
    server.webSocketHandler(echo::webSocket).requestHandler(echo::request);
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("echo server for " + identity + " did not start", e);
    }
    return echo;
  }

  /** The Vert.x instance of every echo server, and of {@link EchoClient}. */
  static Vertx vertx() {
    Vertx shared = vertx;
    if (shared == null) {
      synchronized (EchoServer.class) {
        shared = vertx;
        if (shared == null) {
          shared = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2));
          vertx = shared;
        }
      }
    }
    return shared;
  }

  public int port() {
    return server.actualPort();
  }

  public Identity identity() {
    return identity;
  }

  /** Requests answered so far (WebSocket handshakes included). */
  public long requests() {
    return requests.get();
  }

  /** The Host (authority) of every HTTP request answered so far, in order. */
  public List<String> hosts() {
    return List.copyOf(hosts);
  }

  /** Every HTTP request received so far, oldest first (WebSocket handshakes left out). */
  public List<Received> received() {
    return List.copyOf(received);
  }

  private void webSocket(ServerWebSocket socket) {
    requests.incrementAndGet();
    if (!socket.path().equals("/ws")) {
      socket.reject(404);
      return;
    }
    socket.textMessageHandler(socket::writeTextMessage);
    socket.binaryMessageHandler(socket::writeBinaryMessage);
  }

  private void request(HttpServerRequest request) {
    requests.incrementAndGet();
    hosts.add(request.authority() == null ? "" : request.authority().toString());
    received.add(
        new Received(
            request.method().name(),
            request.uri(),
            request.authority() == null ? "" : request.authority().toString(),
            headers(request)));
    String path = request.path();
    if (path.equals("/health")) {
      request.response().end("OK");
      return;
    }
    if (path.startsWith("/status/")) {
      Matcher matcher = STATUS.matcher(request.uri());
      request
          .response()
          .setStatusCode(matcher.matches() ? Integer.parseInt(matcher.group(1)) : 400);
      request.response().end();
      return;
    }
    if (path.startsWith("/retry/")) {
      retry(request);
      return;
    }
    after(request, request.getParam("delay"), () -> echo(request));
  }

  private void retry(HttpServerRequest request) {
    String uuid = request.getParam("uuid");
    String succeedAfter = request.getParam("succeedAfter");
    if (uuid == null || uuid.isEmpty()) {
      request.response().setStatusCode(400).end("uuid is required");
      return;
    }
    int needed;
    try {
      needed = Integer.parseInt(succeedAfter);
    } catch (NumberFormatException e) {
      request.response().setStatusCode(400).end("succeedAfter is required");
      return;
    }
    int attempt = retryAttempts.merge(uuid, 1, Integer::sum);
    if (attempt > needed) {
      echo(request);
      return;
    }
    after(
        request,
        request.getParam("delayRetry"),
        () -> {
          String code = request.getParam("responseCode");
          if (code != null && code.chars().allMatch(Character::isDigit) && !code.isEmpty()) {
            request.response().setStatusCode(Integer.parseInt(code)).end();
          } else {
            request.connection().close();
          }
        });
  }

  private void after(HttpServerRequest request, String delay, Runnable action) {
    long millis;
    try {
      millis = delay == null || delay.isEmpty() ? 0 : GoDurations.millis(delay);
    } catch (IllegalArgumentException e) {
      request
          .response()
          .setStatusCode(500)
          .putHeader("Content-Type", "application/json")
          .end("{\"message\":\"" + e.getMessage().replace("\"", "'") + "\"}");
      return;
    }
    if (millis <= 0) {
      action.run();
    } else {
      vertx().setTimer(millis, id -> action.run());
    }
  }

  /** The request's headers by canonical name, {@code Host} and pseudo-headers left out. */
  private static Map<String, List<String>> headers(HttpServerRequest request) {
    Map<String, List<String>> headers = new TreeMap<>();
    for (String name : request.headers().names()) {
      if (name.equalsIgnoreCase("host") || name.startsWith(":")) {
        continue;
      }
      headers
          .computeIfAbsent(canonical(name), n -> new ArrayList<>())
          .addAll(request.headers().getAll(name));
    }
    return headers;
  }

  private void echo(HttpServerRequest request) {
    Map<String, List<String>> headers = headers(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("path", request.uri());
    body.put("host", request.authority() == null ? "" : request.authority().toString());
    body.put("method", request.method().name());
    body.put("proto", proto(request.version()));
    body.put("headers", headers);
    body.put("httpPort", String.valueOf(port()));
    body.put("namespace", identity.namespace());
    body.put("ingress", identity.ingress());
    body.put("service", identity.service());
    body.put("pod", identity.pod());
    var response = request.response();
    for (String list : request.headers().getAll("X-Echo-Set-Header")) {
      for (String pair : list.split(",")) {
        String trimmed = pair.trim();
        int colon = trimmed.indexOf(':');
        String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
        String value = colon < 0 ? "" : trimmed.substring(colon + 1);
        if (name.isEmpty()) {
          continue;
        }
        String current = response.headers().get(name);
        response.headers().set(name, current == null ? value : current + "," + value.trim());
      }
    }
    response.putHeader("Content-Type", "application/json");
    response.putHeader("X-Content-Type-Options", "nosniff");
    try {
      response.end(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
    } catch (JsonProcessingException e) {
      response.setStatusCode(500).end(e.getMessage());
    }
  }

  private static String proto(HttpVersion version) {
    return switch (version) {
      case HTTP_1_0 -> "HTTP/1.0";
      case HTTP_1_1 -> "HTTP/1.1";
      case HTTP_2 -> "HTTP/2.0";
    };
  }

  /**
   * A header name as Go's {@code net/http} prints it: {@code x-echo-set-header} becomes {@code
   * X-Echo-Set-Header}.
   */
  static String canonical(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return out.toString();
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("echo server " + identity + " did not stop", e);
    }
  }

  @Override
  public String toString() {
    return identity.namespace()
        + "/"
        + identity.service()
        + " pod "
        + identity.pod()
        + " on 127.0.0.1:"
        + port()
        + String.format(Locale.ROOT, " (%d requests)", requests());
  }
}
