package io.gatewire.bootstrap.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.gatewire.application.port.in.SyncConfigurationUseCase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Admin HTTP: {@code /healthz} (the process is up), {@code /readyz} (a configuration is being
 * served; the body says when it is stale and why), {@code /metrics} (Prometheus text) and {@code
 * /config_dump} (the xDS per node group, as {@code translate} prints it: every route and backend of
 * the platform, Secrets by name only; filtered by {@link ConfigDumpQuery}) and {@code /explain}
 * (what {@code gatewire explain} says, about the configuration being served). Paths are exact, only
 * GET and HEAD are answered, and errors are one line of plain text. It binds the address it is
 * given (the command line defaults to 127.0.0.1), and {@code /config_dump} and {@code /explain}
 * answer loopback peers only (403 for others) unless {@link Access#exposeConfigDump}.
 */
public final class AdminServer implements AutoCloseable {
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final Set<String> ALLOWED_METHODS = Set.of("GET", "HEAD");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;

  /**
   * Where the admin server listens and who may read the config dump.
   *
   * @param address the interface to bind; port 0 picks a free one
   * @param exposeConfigDump answer {@code /config_dump} to any peer, not only loopback ones
   */
  public record Access(InetSocketAddress address, boolean exposeConfigDump) {}

  /** An answer of an endpoint that computes one per request. */
  public record Response(int status, String contentType, String body) {}

  public AdminServer(
      Access access,
      Supplier<SyncConfigurationUseCase.SyncState> state,
      Supplier<String> metrics,
      Supplier<String> configDump)
      throws IOException {
    this(
        access,
        state,
        metrics,
        configDump,
        query -> new Response(404, TEXT, "not found: /explain is not served here\n"));
  }

  /**
   * Also answers {@code /explain?...} with {@code explain}, given the request's raw query string
   * (null when none); like {@code /config_dump}, to loopback peers only unless {@link
   * Access#exposeConfigDump}.
   */
  public AdminServer(
      Access access,
      Supplier<SyncConfigurationUseCase.SyncState> state,
      Supplier<String> metrics,
      Supplier<String> configDump,
      Function<String, Response> explain)
      throws IOException {
    server = HttpServer.create(access.address(), 0);
    server.setExecutor(
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "gatewire-admin");
              t.setDaemon(true);
              return t;
            }));
    Map<String, HttpHandler> routes = new TreeMap<>();
    routes.put("/healthz", ex -> respond(ex, 200, TEXT, "ok\n"));
    routes.put("/readyz", ex -> readiness(ex, state.get()));
    routes.put(
        "/metrics",
        ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
    routes.put(
        "/config_dump",
        ex -> {
          if (!mayReadConfigDump(ex.getRemoteAddress(), access.exposeConfigDump())) {
            respond(
                ex,
                403,
                TEXT,
                "forbidden: /config_dump answers loopback peers only;"
                    + " start serve with --admin-expose-config-dump to allow others\n");
            return;
          }
          try {
            ConfigDumpQuery query = ConfigDumpQuery.parse(ex.getRequestURI().getRawQuery());
            String dump = configDump.get();
            if (!query.all()) {
              ObjectNode filtered = query.apply((ObjectNode) JSON.readTree(dump));
              dump = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(filtered);
            }
            respond(ex, 200, "application/json", dump);
          } catch (ConfigDumpQuery.BadQuery e) {
            respond(ex, e.status(), TEXT, e.getMessage() + "\n");
          }
        });
    routes.put(
        "/explain",
        ex -> {
          if (mayReadConfigDump(ex.getRemoteAddress(), access.exposeConfigDump())) {
            Response response = explain.apply(ex.getRequestURI().getRawQuery());
            respond(ex, response.status(), response.contentType(), response.body());
          } else {
            respond(
                ex,
                403,
                TEXT,
                "forbidden: /explain answers loopback peers only;"
                    + " start serve with --admin-expose-config-dump to allow others\n");
          }
        });
    server.createContext("/", ex -> dispatch(ex, routes));
  }

  /**
   * Exact paths only ({@code /healthzXYZ} is 404), GET and HEAD only (405 with {@code Allow}
   * otherwise); errors are plain text, never the JDK's HTML page.
   */
  private static void dispatch(HttpExchange exchange, Map<String, HttpHandler> routes)
      throws IOException {
    try {
      HttpHandler handler = routes.get(exchange.getRequestURI().getPath());
      if (handler == null) {
        respond(
            exchange,
            404,
            TEXT,
            "not found: "
                + exchange.getRequestURI().getPath()
                + "; admin paths: "
                + String.join(" ", routes.keySet())
                + "\n");
      } else if (!ALLOWED_METHODS.contains(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(
            exchange,
            405,
            TEXT,
            "method not allowed: " + exchange.getRequestMethod() + "; use GET or HEAD\n");
      } else {
        handler.handle(exchange);
      }
    } catch (RuntimeException e) {
      respond(exchange, 500, TEXT, "internal error: " + e + "\n");
    } finally {
      exchange.close();
    }
  }

  /** Whether {@code peer} may read the config dump: a loopback peer, or anyone when exposed. */
  static boolean mayReadConfigDump(InetSocketAddress peer, boolean exposed) {
    return exposed
        || (peer != null && peer.getAddress() != null && peer.getAddress().isLoopbackAddress());
  }

  /** The bound address. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void readiness(HttpExchange exchange, SyncConfigurationUseCase.SyncState state)
      throws IOException {
    if (!state.hasConfiguration()) {
      String why = state.lastError() == null ? "no configuration loaded yet" : state.lastError();
      respond(exchange, 503, TEXT, "not ready: " + why + "\n");
    } else if (state.stale()) {
      respond(
          exchange,
          200,
          TEXT,
          "ready (stale): serving the last good configuration; the latest input failed: "
              + state.lastError()
              + "\n");
    } else {
      respond(exchange, 200, TEXT, "ready\n");
    }
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
