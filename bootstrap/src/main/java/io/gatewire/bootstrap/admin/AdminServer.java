package io.gatewire.bootstrap.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatewire.application.port.in.SyncConfigurationUseCase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Admin HTTP: {@code /healthz} (the process is up), {@code /readyz} (a configuration is being served;
 * the body says when it is stale and why), {@code /metrics} (Prometheus text) and
 * {@code /config_dump} (the xDS per node group, as {@code translate} prints it).
 */
public final class AdminServer implements AutoCloseable {
  private final HttpServer server;

  public AdminServer(int port, Supplier<SyncConfigurationUseCase.SyncState> state, Supplier<String> metrics,
      Supplier<String> configDump) throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 0);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "gatewire-admin");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/healthz", ex -> respond(ex, 200, "text/plain", "ok\n"));
    server.createContext("/readyz", ex -> readiness(ex, state.get()));
    server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
    server.createContext("/config_dump", ex -> respond(ex, 200, "application/json", configDump.get()));
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void readiness(HttpExchange exchange, SyncConfigurationUseCase.SyncState state) throws IOException {
    if (!state.hasConfiguration()) {
      String why = state.lastError() == null ? "no configuration loaded yet" : state.lastError();
      respond(exchange, 503, "text/plain", "not ready: " + why + "\n");
    } else if (state.stale()) {
      respond(exchange, 200, "text/plain", "ready (stale): serving the last good configuration; the latest input failed: "
          + state.lastError() + "\n");
    } else {
      respond(exchange, 200, "text/plain", "ready\n");
    }
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
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
