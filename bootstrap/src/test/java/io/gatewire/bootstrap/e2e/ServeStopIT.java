package io.gatewire.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gatewire.adapters.k8s.source.MockCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while {@code serve} starts, on the packaged jar: at each point the process drains what it
 * started and exits 0 (the JVM's own handler would exit 143). The points are held open on purpose:
 * a first load that waits for stdin to end, a cluster that never answers, and a cluster that
 * answers discovery but never its lists. The steady-state stop is in the other serve ITs.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ServeStopIT {
  private static final Duration PROMPT = Duration.ofSeconds(20);

  static KubernetesClient client;
  static KubernetesMockServer server;

  @TempDir Path dir;

  @Test
  void duringTheFirstLoad_ofFilesThatAreStillBeingRead() throws Exception {
    int adminPort = GatewireProcess.freePort();
    // -f - reads stdin to its end: the child's stdin stays open, so the first load waits
    try (GatewireProcess gatewire =
        GatewireProcess.start(
            dir,
            dir.resolve("gatewire.log"),
            adminPort,
            List.of(
                "serve",
                "-f",
                "-",
                "--xds-port",
                Integer.toString(GatewireProcess.freePort()),
                "--admin-port",
                Integer.toString(adminPort)))) {
      awaitLog(gatewire, "xDS server listening on port");
      await().atMost(PROMPT).ignoreExceptions().until(() -> gatewire.get("/healthz") != null);
      assertThat(gatewire.get("/readyz")).doesNotStartWith("ready");

      assertThat(gatewire.terminate()).as(gatewire.log()).isZero();
      assertThat(gatewire.log())
          .contains(
              "SIGTERM: shutting down, draining xDS streams (the first load had not finished)")
          .doesNotContain("serving xDS on port");
    }
  }

  @Test
  void whileAskingAClusterThatNeverAnswers_whatItServes() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Holder held = new Holder(silent);
        GatewireProcess gatewire = serveCluster("http://127.0.0.1:" + silent.getLocalPort())) {
      awaitLog(gatewire, "reading Gateway API objects from the cluster at");
      await().atMost(PROMPT).until(() -> held.accepted() > 0);

      assertThat(gatewire.terminate()).as(gatewire.log()).isZero();
      assertThat(gatewire.log()).contains("SIGTERM while starting: stopped");
    }
  }

  @Test
  void whileTheClustersInitialListsAreAwaited() throws Exception {
    new MockCluster(client).installCrds(MockCluster.allCrdsAtV1());
    try (ListsHeld cluster = new ListsHeld(client.getMasterUrl().toString());
        GatewireProcess gatewire = serveCluster(cluster.url())) {
      awaitLog(gatewire, "xDS server listening on port");
      await().atMost(PROMPT).until(() -> cluster.listsHeld() > 0);
      assertThat(gatewire.log()).doesNotContain("serving xDS on port");

      assertThat(gatewire.terminate()).as(gatewire.log()).isZero();
      assertThat(gatewire.log())
          .contains(
              "SIGTERM: shutting down, draining xDS streams (the first load had not finished)");
    }
  }

  private GatewireProcess serveCluster(String url) throws IOException {
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "%s"}}]
        users: [{name: u, user: {token: test}}]
        contexts: [{name: c, context: {cluster: c, user: u}}]
        current-context: c
        """
            .formatted(url));
    int adminPort = GatewireProcess.freePort();
    return GatewireProcess.start(
        dir,
        dir.resolve("gatewire.log"),
        adminPort,
        List.of(
            "serve",
            "--source",
            "kubernetes",
            "--kubeconfig",
            kubeconfig.toString(),
            "--xds-port",
            Integer.toString(GatewireProcess.freePort()),
            "--admin-port",
            Integer.toString(adminPort)));
  }

  private static void awaitLog(GatewireProcess gatewire, String line) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> gatewire.log().contains(line));
  }

  /** Accepts connections on a socket and never answers them. */
  private static final class Holder implements AutoCloseable {
    private final List<Socket> sockets = new ArrayList<>();
    private final Thread acceptor;

    Holder(ServerSocket socket) {
      acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    Socket accepted = socket.accept();
                    synchronized (sockets) {
                      sockets.add(accepted);
                    }
                  }
                } catch (IOException e) {
                  // closed
                }
              },
              "silent-api-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int accepted() {
      synchronized (sockets) {
        return sockets.size();
      }
    }

    @Override
    public void close() throws IOException {
      synchronized (sockets) {
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }

  /**
   * A loopback API server in front of the mock that answers discovery ({@code /api}, {@code /apis},
   * {@code /apis/<group>/<version>}, {@code /version}) from it and holds every other request
   * (lists, Leases) until closed.
   */
  private static final class ListsHeld implements AutoCloseable {
    private static final Pattern DISCOVERY =
        Pattern.compile("/version|/api|/api/v1|/apis|/apis/[^/]+(/[^/]+)?");
    private static final HttpClient FORWARD = HttpClient.newHttpClient();

    private final String upstream;
    private final HttpServer server;
    private final ExecutorService threads;
    private final CountDownLatch released = new CountDownLatch(1);
    private int held;

    ListsHeld(String upstream) throws IOException {
      this.upstream = upstream.replaceAll("/$", "");
      threads =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "lists-held");
                t.setDaemon(true);
                return t;
              });
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
      server.setExecutor(threads);
      server.createContext("/", this::handle);
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized int listsHeld() {
      return held;
    }

    private void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        URI uri = exchange.getRequestURI();
        if (!DISCOVERY.matcher(uri.getPath()).matches()) {
          synchronized (this) {
            held++;
          }
          released.await();
          exchange.sendResponseHeaders(503, -1);
          return;
        }
        HttpResponse<byte[]> answer =
            FORWARD.send(
                HttpRequest.newBuilder(
                        URI.create(
                            upstream
                                + uri.getRawPath()
                                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        answer
            .headers()
            .firstValue("Content-Type")
            .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
        exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      released.countDown();
      server.stop(0);
      threads.shutdownNow();
    }
  }
}
