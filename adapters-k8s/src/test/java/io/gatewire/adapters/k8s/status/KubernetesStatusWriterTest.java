package io.gatewire.adapters.k8s.status;

import static io.gatewire.adapters.k8s.status.Statuses.condition;
import static io.gatewire.adapters.k8s.status.Statuses.list;
import static io.gatewire.adapters.k8s.status.Statuses.map;
import static io.gatewire.adapters.k8s.status.Statuses.parent;
import static io.gatewire.adapters.k8s.status.Statuses.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.gatewire.domain.status.ObjectStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The status writer against the fabric8 CRUD mock server: objects created there, translated by the
 * real translator from what the mock holds, and their status read back through the status
 * subresource.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesStatusWriterTest {
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
  void writesGatewayClassGatewayListenersAndRouteParents() {
    String ns = "created";
    MockCluster cluster = new MockCluster(client).create(Example.YAML, ns);
    KubernetesStatusWriter writer = leadingWriter(new ApiServerObjects(client));

    List<ObjectStatus> statuses = cluster.translate();
    writer.report(statuses, List.of());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> events.written.size() + events.unchanged.size() >= statuses.size());

    Map<String, Object> gatewayClass = status(Example.gatewayClass(ns + "-class"));
    assertThat(summary(gatewayClass, "Accepted")).isEqualTo("True/Accepted");
    assertThat(condition(gatewayClass, "Accepted"))
        .containsEntry("lastTransitionTime", "2026-01-02T03:04:05Z");
    assertThat(status(Example.gatewayClass(ns + "-other")))
        .as("another controller's class")
        .isEmpty();
    assertThat(status(Example.gateway(ns, "other-gw")))
        .as("another controller's Gateway")
        .isEmpty();

    Map<String, Object> gateway = status(Example.gateway(ns, "eg"));
    assertThat(summary(gateway, "Accepted")).isEqualTo("True/Accepted");
    assertThat(summary(gateway, "Programmed")).isEqualTo("True/Programmed");
    List<Map<String, Object>> listeners = list(gateway, "listeners");
    assertThat(listeners).extracting(l -> l.get("name")).containsExactly("http", "tcp");
    Map<String, Object> http = listeners.get(0);
    assertThat(http.get("attachedRoutes")).isEqualTo(2);
    assertThat(list(http, "supportedKinds"))
        .contains(Map.of("group", "gateway.networking.k8s.io", "kind", "HTTPRoute"));
    assertThat(list(http, "conditions"))
        .extracting(c -> c.get("type"))
        .contains("Accepted", "Programmed", "ResolvedRefs", "Conflicted");
    assertThat(summary(http, "Conflicted")).isEqualTo("False/NoConflicts");
    Map<String, Object> tcp = listeners.get(1);
    assertThat(tcp.get("attachedRoutes")).isEqualTo(1);
    assertThat(list(tcp, "supportedKinds"))
        .containsExactly(Map.of("group", "gateway.networking.k8s.io", "kind", "TCPRoute"));

    Map<String, Object> web = status(Example.httpRoute(ns, "web"));
    assertThat(list(web, "parents")).hasSize(1);
    Map<String, Object> webParent = parent(web, Example.OURS, "eg");
    assertThat(map(webParent, "parentRef"))
        .containsEntry("kind", "Gateway")
        .containsEntry("group", "gateway.networking.k8s.io");
    assertThat(summary(webParent, "Accepted")).isEqualTo("True/Accepted");
    assertThat(summary(webParent, "ResolvedRefs")).isEqualTo("True/ResolvedRefs");
    HTTPRoute webObject = client.resources(HTTPRoute.class).inNamespace(ns).withName("web").get();
    assertThat(((Number) condition(webParent, "Accepted").get("observedGeneration")).longValue())
        .isEqualTo(webObject.getMetadata().getGeneration());

    Map<String, Object> db = status(Example.tcpRoute(ns, "db"));
    Map<String, Object> dbParent = parent(db, Example.OURS, "eg");
    assertThat(map(dbParent, "parentRef")).containsEntry("sectionName", "tcp");
    assertThat(summary(dbParent, "Accepted")).isEqualTo("True/Accepted");
    assertThat(events.failed).isEmpty();
  }

  @Test
  void keepsAnotherControllersParentEntryInPlaceAndRemovesOursWhenDetached() {
    String ns = "shared";
    MockCluster cluster =
        new MockCluster(client).create(Example.YAML, ns).create(Example.SHARED_ROUTE, ns);
    StatusTarget shared = Example.httpRoute(ns, "shared");
    ApiServerObjects api = new ApiServerObjects(client);
    Map<String, Object> theirs =
        parentEntry(Example.OTHER, "other-gw", "Accepted", "True", "2020-05-06T07:08:09Z");
    Map<String, Object> staleOurs =
        parentEntry(Example.OURS, "eg", "Accepted", "False", "2020-01-01T00:00:00Z");
    api.writeStatus(
        shared, api.find(shared).resourceVersion(), Map.of("parents", List.of(staleOurs, theirs)));

    KubernetesStatusWriter writer = leadingWriter(api);
    List<ObjectStatus> first = cluster.translate();
    writer.report(first, List.of());
    await().atMost(Duration.ofSeconds(10)).until(() -> events.written.size() == first.size());

    List<Map<String, Object>> parents = list(status(shared), "parents");
    assertThat(parents).hasSize(2);
    assertThat(parents.get(0).get("controllerName"))
        .as("ours, replaced in place")
        .isEqualTo(Example.OURS);
    assertThat(summary(parents.get(0), "Accepted")).isEqualTo("True/Accepted");
    assertThat(condition(parents.get(0), "Accepted"))
        .containsEntry("lastTransitionTime", "2026-01-02T03:04:05Z");
    assertThat(parents.get(1)).as("the other controller's entry, untouched").isEqualTo(theirs);

    // The route leaves our Gateway: our entry goes, theirs stays.
    client
        .resources(HTTPRoute.class)
        .inNamespace(ns)
        .withName("shared")
        .edit(
            r -> {
              r.getSpec()
                  .setParentRefs(
                      List.of(new ParentReferenceBuilder().withName("other-gw").build()));
              return r;
            });
    events.written.clear();
    writer.report(cluster.translate(), List.of());
    await().atMost(Duration.ofSeconds(10)).until(() -> events.written.contains(shared));
    assertThat(list(status(shared), "parents")).containsExactly(theirs);
  }

  @Test
  void deletedReferenceGrantGivesRefNotPermittedAndTransitionTimesFollowStatusChanges() {
    String ns = "grants";
    MockCluster cluster = new MockCluster(client).create(Example.YAML, ns);
    StatusTarget cross = Example.httpRoute(ns, "cross");
    KubernetesStatusWriter writer = leadingWriter(new ApiServerObjects(client));
    List<ObjectStatus> first = cluster.translate();
    writer.report(first, List.of());
    await().atMost(Duration.ofSeconds(10)).until(() -> events.written.size() == first.size());
    assertThat(summary(parent(status(cross), Example.OURS, "eg"), "ResolvedRefs"))
        .isEqualTo("True/ResolvedRefs");

    clock.set(T1);
    cluster.delete("ReferenceGrant", ns + "-b", "allow");
    events.written.clear();
    writer.report(cluster.translate(), List.of());
    await().atMost(Duration.ofSeconds(10)).until(() -> events.written.contains(cross));

    Map<String, Object> parent = parent(status(cross), Example.OURS, "eg");
    assertThat(summary(parent, "ResolvedRefs")).isEqualTo("False/RefNotPermitted");
    assertThat(condition(parent, "ResolvedRefs"))
        .as("flipped: now")
        .containsEntry("lastTransitionTime", "2026-01-02T04:00:00Z");
    assertThat(condition(parent, "Accepted"))
        .as("unchanged: kept")
        .containsEntry("status", "True")
        .containsEntry("lastTransitionTime", "2026-01-02T03:04:05Z");
    assertThat(events.written)
        .as("objects whose status did not change")
        .doesNotContain(
            Example.httpRoute(ns, "web"),
            Example.tcpRoute(ns, "db"),
            Example.gatewayClass(ns + "-class"));
  }

  @Test
  void anUnchangedReportWritesNothing() throws InterruptedException {
    String ns = "unchanged";
    MockCluster cluster = new MockCluster(client).create(Example.YAML, ns);
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
  void aConflictingWriteIsReadAgainMergedAgainAndLands() {
    String ns = "conflict";
    MockCluster cluster = new MockCluster(client).create(Example.YAML, ns);
    StatusTarget web = Example.httpRoute(ns, "web");
    ApiServerObjects api = new ApiServerObjects(client);
    Map<String, Object> theirs =
        parentEntry(Example.OTHER, "other-gw", "Accepted", "True", "2020-05-06T07:08:09Z");
    AtomicBoolean raced = new AtomicBoolean();
    // Answers with the object as read, then lets another controller write its entry: ours is merged
    // from a stale read. The CRUD mock does not check resourceVersions on the status subresource,
    // so
    // an expectation answers that first write with the 409 a real API server would send.
    CurrentObjects racing =
        target -> {
          CurrentObject read = api.find(target);
          if (target.equals(web) && raced.compareAndSet(false, true)) {
            api.writeStatus(web, read.resourceVersion(), Map.of("parents", List.of(theirs)));
            server
                .expect()
                .put()
                .withPath(
                    "/apis/gateway.networking.k8s.io/v1/namespaces/conflict/httproutes/web/status")
                .andReturn(
                    409,
                    new StatusBuilder()
                        .withCode(409)
                        .withReason("Conflict")
                        .withMessage("the object has been modified")
                        .build())
                .once();
          }
          return read;
        };
    KubernetesStatusWriter writer = leadingWriter(racing);
    writer.report(cluster.translate(), List.of());
    await().atMost(Duration.ofSeconds(10)).until(() -> events.written.contains(web));

    assertThat(events.conflicted).containsExactly(web);
    List<Map<String, Object>> parents = list(status(web), "parents");
    assertThat(parents).hasSize(2);
    assertThat(parents.get(0)).as("the entry written meanwhile").isEqualTo(theirs);
    assertThat(parent(status(web), Example.OURS, "eg")).isEqualTo(parents.get(1));
    assertThat(summary(parents.get(1), "Accepted")).isEqualTo("True/Accepted");
    assertThat(events.failed).isEmpty();
  }

  @Test
  void anObjectDeletedBeforeItsWriteIsSkipped() {
    String ns = "deleted";
    MockCluster cluster = new MockCluster(client).create(Example.YAML, ns);
    List<ObjectStatus> statuses = cluster.translate();
    cluster.delete("HTTPRoute", ns, "web");
    KubernetesStatusWriter writer = leadingWriter(new ApiServerObjects(client));
    writer.report(statuses, List.of());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> events.written.size() + events.unchanged.size() == statuses.size());
    assertThat(events.unchanged).contains(Example.httpRoute(ns, "web"));
    assertThat(events.written).contains(Example.httpRoute(ns, "cross"));
    assertThat(events.failed).isEmpty();
  }

  @Test
  void aFailedWriteIsRetriedAfterABackoff() {
    String ns = "failing";
    MockCluster cluster = new MockCluster(client).create(Example.YAML, ns);
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

  @Test
  void losingLeadershipDropsTheQueueAndGainingItWritesTheLatestStatuses() {
    String ns = "deposed";
    MockCluster cluster = new MockCluster(client).create(Example.YAML, ns);
    List<ObjectStatus> statuses = cluster.translate();
    AtomicReference<KubernetesStatusWriter> self = new AtomicReference<>();
    AtomicBoolean deposed = new AtomicBoolean();
    ApiServerObjects api = new ApiServerObjects(client);
    // Leadership is lost while the writer looks at its first object.
    CurrentObjects deposing =
        target -> {
          if (deposed.compareAndSet(false, true)) {
            self.get().leadershipLost();
          }
          return api.find(target);
        };
    KubernetesStatusWriter writer = leadingWriter(deposing);
    self.set(writer);
    writer.report(statuses, List.of());
    await().atMost(Duration.ofSeconds(10)).untilTrue(deposed);
    writer.report(statuses, List.of());

    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> events.written.isEmpty());
    for (ObjectStatus s : statuses) {
      assertThat(status(StatusTarget.of(s))).as("%s", StatusTarget.of(s)).isEmpty();
    }

    writer.leadershipGained();
    await().atMost(Duration.ofSeconds(10)).until(() -> events.written.size() == statuses.size());
  }

  @Test
  void aTypedObjectFromACacheGivesItsStatusAsMaps() {
    String ns = "typed";
    MockCluster cluster = new MockCluster(client).create(Example.YAML, ns);
    StatusTarget web = Example.httpRoute(ns, "web");
    KubernetesStatusWriter writer = leadingWriter(new ApiServerObjects(client));
    writer.report(cluster.translate(), List.of());
    await().atMost(Duration.ofSeconds(10)).until(() -> events.written.contains(web));

    HTTPRoute typed = client.resources(HTTPRoute.class).inNamespace(ns).withName("web").get();
    CurrentObject cached = CurrentObject.of(typed, client.getKubernetesSerialization());

    assertThat(cached.resourceVersion()).isEqualTo(typed.getMetadata().getResourceVersion());
    assertThat(StatusComparison.same(cached.status().get(), status(web))).isTrue();
    assertThat(summary(parent(cached.status().get(), Example.OURS, "eg"), "Accepted"))
        .isEqualTo("True/Accepted");
  }

  private static Map<String, Object> parentEntry(
      String controller, String gateway, String type, String status, String since) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("group", "gateway.networking.k8s.io");
    ref.put("kind", "Gateway");
    ref.put("name", gateway);
    Map<String, Object> condition = new LinkedHashMap<>();
    condition.put("type", type);
    condition.put("status", status);
    condition.put("reason", "True".equals(status) ? "Accepted" : "NotAllowedByListeners");
    condition.put("message", "set by " + controller);
    condition.put("observedGeneration", 1);
    condition.put("lastTransitionTime", since);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("parentRef", ref);
    entry.put("controllerName", controller);
    entry.put("conditions", List.of(condition));
    return entry;
  }
}
