package io.gatewire.adapters.k8s.status;

import static io.gatewire.adapters.k8s.status.Statuses.condition;
import static io.gatewire.adapters.k8s.status.Statuses.list;
import static io.gatewire.adapters.k8s.status.Statuses.map;
import static io.gatewire.adapters.k8s.status.Statuses.parent;
import static io.gatewire.adapters.k8s.status.Statuses.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.testkit.kube.DeployRbac;
import io.gatewire.testkit.kube.KubeApiServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The status writer against a real API server, writing as the ServiceAccount of docs/deploy under
 * its RBAC: objects created there by an administrator, translated by the real translator from what
 * the server holds (CRD defaults applied), and their status read back as the server stores it. A
 * conflict is the API server's own 409 on {@code /status}. Faults only a mock can inject are in
 * {@link StatusWriterFaultsTest}.
 */
class KubernetesStatusWriterTest {
  private static KubeApiServer server;
  private static KubernetesClient client;
  private static KubernetesClient gatewire;

  @BeforeAll
  static void documentedInstall() {
    server = KubeApiServer.shared();
    client = server.admin();
    gatewire = server.client(DeployRbac.apply(server, DeployRbac.DOCUMENTED_NAMESPACE));
  }

  @AfterAll
  static void closeClient() {
    gatewire.close();
  }

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
            gatewire,
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
    ClusterObjects cluster = new ClusterObjects(client).create(Example.YAML, ns);
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
        .satisfies(KubernetesStatusWriterTest::untouched);
    assertThat(status(Example.gateway(ns, "other-gw")))
        .as("another controller's Gateway")
        .satisfies(KubernetesStatusWriterTest::untouched);

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
    ClusterObjects cluster =
        new ClusterObjects(client).create(Example.YAML, ns).create(Example.SHARED_ROUTE, ns);
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
    ClusterObjects cluster = new ClusterObjects(client).create(Example.YAML, ns);
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
  void aConflictingWriteIsReadAgainMergedAgainAndLands() {
    String ns = "conflict";
    ClusterObjects cluster = new ClusterObjects(client).create(Example.YAML, ns);
    StatusTarget web = Example.httpRoute(ns, "web");
    ApiServerObjects api = new ApiServerObjects(client);
    Map<String, Object> theirs =
        parentEntry(Example.OTHER, "other-gw", "Accepted", "True", "2020-05-06T07:08:09Z");
    AtomicBoolean raced = new AtomicBoolean();
    // Answers with the object as read, then lets another controller write its entry: ours is merged
    // from a stale read, and the API server answers the write with 409 Conflict.
    CurrentObjects racing =
        target -> {
          CurrentObject read = api.find(target);
          if (target.equals(web) && raced.compareAndSet(false, true)) {
            api.writeStatus(web, read.resourceVersion(), Map.of("parents", List.of(theirs)));
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
    ClusterObjects cluster = new ClusterObjects(client).create(Example.YAML, ns);
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
  void losingLeadershipDropsTheQueueAndGainingItWritesTheLatestStatuses() {
    String ns = "deposed";
    ClusterObjects cluster = new ClusterObjects(client).create(Example.YAML, ns);
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
      assertThat(status(StatusTarget.of(s)))
          .as("%s", StatusTarget.of(s))
          .satisfies(KubernetesStatusWriterTest::untouched);
    }

    writer.leadershipGained();
    await().atMost(Duration.ofSeconds(10)).until(() -> events.written.size() == statuses.size());
  }

  @Test
  void aTypedObjectFromACacheGivesItsStatusAsMaps() {
    String ns = "typed";
    ClusterObjects cluster = new ClusterObjects(client).create(Example.YAML, ns);
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

  /**
   * No controller wrote it: empty, or the CRD's default status (GatewayClass and Gateway conditions
   * {@code Unknown}, reason {@code Pending}, "Waiting for controller", set by the API server).
   */
  private static void untouched(Map<String, Object> status) {
    assertThat(list(status, "conditions"))
        .allSatisfy(
            c ->
                assertThat(c)
                    .containsEntry("status", "Unknown")
                    .containsEntry("reason", "Pending")
                    .containsEntry("message", "Waiting for controller"));
    assertThat(status.keySet()).isSubsetOf("conditions");
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
