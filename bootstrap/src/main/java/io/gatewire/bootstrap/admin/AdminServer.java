package io.gatewire.bootstrap.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatewire.application.port.in.SyncConfigurationUseCase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Admin HTTP: {@code /healthz} (the process is up), {@code /readyz} (a configuration is being
 * served; the body says when it is stale and why), {@code /metrics} (Prometheus text) and {@code
 * /config_dump} (the xDS per node group, as {@code translate} prints it: every route and backend of
 * the platform, Secrets by name only) and {@code /explain} (what {@code gatewire explain} says,
 * about the configuration being served). It binds the address it is given (the command line
 * defaults to 127.0.0.1), and {@code /config_dump} and {@code /explain} answer loopback peers only
 * (403 for others) unless {@link Access#exposeConfigDump}.
 */
public final class AdminServer implements AutoCloseable {
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
        query -> new Response(404, "text/plain", "not found: /explain is not served here\n"));
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
    server.createContext("/healthz", ex -> respond(ex, 200, "text/plain", "ok\n"));
    server.createContext("/readyz", ex -> readiness(ex, state.get()));
    server.createContext(
        "/metrics",
        ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
    server.createContext(
        "/config_dump",
        ex -> {
          if (mayReadConfigDump(ex.getRemoteAddress(), access.exposeConfigDump())) {
            respond(ex, 200, "application/json", configDump.get());
          } else {
            respond(
                ex,
                403,
                "text/plain",
                "forbidden: /config_dump answers loopback peers only;"
                    + " start serve with --admin-expose-config-dump to allow others\n");
          }
        });
    server.createContext(
        "/explain",
        ex -> {
          if (mayReadConfigDump(ex.getRemoteAddress(), access.exposeConfigDump())) {
            Response response = explain.apply(ex.getRequestURI().getRawQuery());
            respond(ex, response.status(), response.contentType(), response.body());
          } else {
            respond(
                ex,
                403,
                "text/plain",
                "forbidden: /explain answers loopback peers only;"
                    + " start serve with --admin-expose-config-dump to allow others\n");
          }
        });
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
      respond(exchange, 503, "text/plain", "not ready: " + why + "\n");
    } else if (state.stale()) {
      respond(
          exchange,
          200,
          "text/plain",
          "ready (stale): serving the last good configuration; the latest input failed: "
              + state.lastError()
              + "\n");
    } else {
      respond(exchange, 200, "text/plain", "ready\n");
    }
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
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
