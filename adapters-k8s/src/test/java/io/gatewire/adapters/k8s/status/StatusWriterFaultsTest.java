package io.gatewire.adapters.k8s.status;

import static io.gatewire.adapters.k8s.status.Statuses.parent;
import static io.gatewire.adapters.k8s.status.Statuses.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.gatewire.domain.status.ObjectStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The status writer where fabric8's CRUD mock server is the better tool: a write the server fails
 * once (injected), and the server's request log, which shows that an unchanged report sends no
 * write at all (a real API server accepts a no-op write without a trace in the object).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class StatusWriterFaultsTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  private static final Instant T1 = Instant.parse("2026-01-02T04:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final RecordedWrites events = new RecordedWrites();
  private final List<KubernetesStatusWriter> writers = new ArrayList<>();

  @AfterEach
  void stopWriters() {
    writers.forEach(KubernetesStatusWriter::close);
  }

  private KubernetesStatusWriter leadingWriter(CurrentObjects current) {
    KubernetesStatusWriter writer =
        new KubernetesStatusWriter(
            client,
            current,
            new StatusWriterSettings(
                Example.OURS, 3, Duration.ofMillis(50), Duration.ofMillis(200)),
            events,
            clock);
    writers.add(writer);
    writer.start();
    writer.leadershipGained();
    return writer;
  }

  private static Map<String, Object> status(StatusTarget target) {
    CurrentObject object = new ApiServerObjects(client).find(target);
    assertThat(object).as("%s exists", target).isNotNull();
    return object.status().get();
  }

  @Test
  void anUnchangedReportWritesNothing() throws InterruptedException {
    String ns = "unchanged";
    ClusterObjects cluster = new ClusterObjects(client).create(Example.YAML, ns);
    KubernetesStatusWriter writer = leadingWriter(new ApiServerObjects(client));
    List<ObjectStatus> first = cluster.translate();
    writer.report(first, List.of());
    await().atMost(Duration.ofSeconds(10)).until(() -> events.written.size() == first.size());
    Map<StatusTarget, String> versions = new HashMap<>();
    first.forEach(
        s ->
            versions.put(
                StatusTarget.of(s),
                new ApiServerObjects(client).find(StatusTarget.of(s)).resourceVersion()));
    while (server.takeRequest(50, TimeUnit.MILLISECONDS) != null) {
      // drain the request log
    }

    clock.set(T1);
    List<ObjectStatus> second = cluster.translate();
    writer.report(second, List.of());
    await().atMost(Duration.ofSeconds(10)).until(() -> events.unchanged.size() >= second.size());

    assertThat(events.written)
        .as("written, then unchanged: %s", events.unchanged)
        .hasSize(first.size());
    assertThat(events.unchanged).hasSize(second.size());
    List<String> writes = new ArrayList<>();
    for (RecordedRequest r = server.takeRequest(50, TimeUnit.MILLISECONDS);
        r != null;
        r = server.takeRequest(50, TimeUnit.MILLISECONDS)) {
      if (!"GET".equals(r.getMethod())) {
        writes.add(r.getMethod() + " " + r.getPath());
      }
    }
    assertThat(writes).as("requests other than reads").isEmpty();
    versions.forEach(
        (target, version) ->
            assertThat(new ApiServerObjects(client).find(target).resourceVersion())
                .as("%s", target)
                .isEqualTo(version));
  }

  @Test
  void aFailedWriteIsRetriedAfterABackoff() {
    String ns = "failing";
    ClusterObjects cluster = new ClusterObjects(client).create(Example.YAML, ns);
    StatusTarget web = Example.httpRoute(ns, "web");
    server
        .expect()
        .put()
        .withPath("/apis/gateway.networking.k8s.io/v1/namespaces/failing/httproutes/web/status")
        .andReturn(
            403,
            new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage("no RBAC")
                .build())
        .once();
    KubernetesStatusWriter writer = leadingWriter(new ApiServerObjects(client));
    writer.report(cluster.translate(), List.of());
    await().atMost(Duration.ofSeconds(10)).until(() -> events.written.contains(web));

    assertThat(events.failed).containsExactly(web);
    assertThat(summary(parent(status(web), Example.OURS, "eg"), "Accepted"))
        .isEqualTo("True/Accepted");
  }
}
