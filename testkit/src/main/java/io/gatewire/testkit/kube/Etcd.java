package io.gatewire.testkit.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewire.testkit.envoy.ListenerPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * One etcd member on loopback (client and peer ports chosen free at construction, kept across
 * restarts), its data in {@code dataDir}. Compaction goes through etcd's JSON gateway, as {@code
 * etcdctl compact} would.
 */
final class Etcd {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dataDir;
  private final Path log;
  private final int clientPort = ListenerPorts.pick();
  private final int peerPort = ListenerPorts.pick();
  private final HttpClient http = HttpClient.newHttpClient();
  private ChildProcess process;

  Etcd(Path dataDir, Path log) {
    this.dataDir = dataDir;
    this.log = log;
  }

  String clientUrl() {
    return "http://127.0.0.1:" + clientPort;
  }

  synchronized void start() {
    String peer = "http://127.0.0.1:" + peerPort;
    process =
        ChildProcess.start(
            "etcd",
            List.of(
                KubeTools.ETCD.binary().toString(),
                "--name=gatewire-test",
                "--data-dir=" + dataDir,
                "--listen-client-urls=" + clientUrl(),
                "--advertise-client-urls=" + clientUrl(),
                "--listen-peer-urls=" + peer,
                "--initial-advertise-peer-urls=" + peer,
                "--initial-cluster=gatewire-test=" + peer,
                "--unsafe-no-fsync",
                "--log-level=warn"),
            log);
    Wait.until(
        Duration.ofSeconds(30),
        "etcd to answer on " + clientUrl() + " (" + process + ")",
        () -> {
          if (!process.isAlive()) {
            throw new Wait.ProcessExited("etcd exited:\n" + process.tail());
          }
          return get("/health").contains("\"health\":\"true\"");
        });
  }

  synchronized void stop() {
    if (process != null) {
      process.stop();
      process = null;
    }
  }

  /** Compacts the whole keyspace up to the current revision; returns that revision. */
  long compact() {
    String key = Base64.getEncoder().encodeToString("/".getBytes(StandardCharsets.UTF_8));
    JsonNode range;
    try {
      range = JSON.readTree(post("/v3/kv/range", "{\"key\":\"" + key + "\"}"));
    } catch (IOException e) {
      throw new IllegalStateException("etcd's range answer does not parse", e);
    }
    long revision = range.path("header").path("revision").asLong();
    post("/v3/kv/compaction", "{\"revision\":\"" + revision + "\",\"physical\":true}");
    return revision;
  }

  private String get(String path) {
    return send(HttpRequest.newBuilder(URI.create(clientUrl() + path)).GET());
  }

  private String post(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(clientUrl() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private String send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "etcd answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("etcd at " + clientUrl() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
