package io.gatewire.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.gatewire.adapters.k8s.cluster.ClusterStatus;
import io.gatewire.adapters.k8s.cluster.KubernetesCluster;
import io.gatewire.adapters.k8s.leader.LeaderElectionSettings;
import io.gatewire.adapters.k8s.source.KubernetesConfigurationSource;
import io.gatewire.adapters.k8s.source.KubernetesSourceOptions;
import io.gatewire.adapters.k8s.status.StatusTarget;
import io.gatewire.adapters.k8s.status.StatusWriteEvents;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.serve.ServingOptions;
import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.bootstrap.embed.Gatewire;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.translate.TranslatorOptions;
import io.gatewire.testkit.kube.DeployRbac;
import io.gatewire.testkit.kube.KubeApiServer;
import io.gatewire.testkit.kube.KubeUser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas against a real API server, each the real chain as the ServiceAccount of docs/deploy
 * under its RBAC: cluster source, Gatewire pipeline, xDS serving, and status write-back under
 * leader election on a real Lease. Both serve the same xDS; only the Lease holder writes status
 * (GatewayClass, Gateway with its listeners, routes with our parents[] entries beside another
 * controller's, which stays byte for byte as that controller wrote it); a spec edit moves our
 * observedGeneration and the lastTransitionTime of the conditions that changed only; when the
 * leader gives the Lease up the other replica writes, and the replica that stopped writing keeps
 * serving.
 */
class ClusterStatusTest {
  private static final Path QUICKSTART = Path.of("../docs/examples/quickstart.yaml");
  // Generous: a Lease handover under a loaded CI machine can take several retry periods.
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String CONTROLLER = TranslatorOptions.DEFAULT_CONTROLLER_NAME;
  private static final String ROUTES = "gateway.networking.k8s.io/v1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static KubeApiServer server;
  private static LiveCluster cluster;
  private static Replica a;
  private static Replica b;

  /**
   * One Gatewire process: its own client, source, xDS server, status writer and place in the
   * election.
   */
  private record Replica(
      String identity,
      KubernetesCluster cluster,
      XdsServing xds,
      ClusterStatus status,
      ConfigurationSource.Watch watch,
      AtomicInteger written,
      AtomicInteger attempted) {

    static Replica start(String identity, KubernetesClient client) throws Exception {
      KubernetesCluster cluster = new KubernetesCluster(client);
      KubernetesConfigurationSource source = cluster.source(KubernetesSourceOptions.ALL_NAMESPACES);
      XdsServing xds =
          new XdsServing(
              new ServingOptions(0, MetadataOptions.DEFAULTS), new SimpleMeterRegistry());
      AtomicInteger written = new AtomicInteger();
      AtomicInteger attempted = new AtomicInteger();
      StatusWriteEvents events =
          new StatusWriteEvents() {
            @Override
            public void written(StatusTarget target) {
              written.incrementAndGet();
              attempted.incrementAndGet();
            }

            @Override
            public void unchanged(StatusTarget target) {
              attempted.incrementAndGet();
            }
          };
      LeaderElectionSettings lease =
          new LeaderElectionSettings(
              DeployRbac.DOCUMENTED_NAMESPACE,
              "gatewire-status-test",
              identity,
              Duration.ofSeconds(3),
              Duration.ofSeconds(2),
              Duration.ofMillis(250));
      ClusterStatus status = cluster.status(CONTROLLER, source, lease, events);
      ConfigurationSource.Watch watch =
          Gatewire.builder()
              .source(source)
              .proxySink(xds)
              .statusSink(status)
              .debounce(Duration.ofMillis(20))
              .build()
              .start();
      return new Replica(identity, cluster, xds, status, watch, written, attempted);
    }

    String served() {
      return xds.configDump(XdsDocument.Format.YAML).getOrDefault("myns/eg", "");
    }
  }

  @BeforeAll
  static void startTwoReplicas() throws Exception {
    server = KubeApiServer.shared();
    cluster = new LiveCluster(server);
    KubeUser user = DeployRbac.apply(server, DeployRbac.DOCUMENTED_NAMESPACE);
    a = Replica.start("replica-a", server.client(user));
    b = Replica.start("replica-b", server.client(user));
  }

  @AfterAll
  static void stop() {
    for (Replica replica : new Replica[] {a, b}) {
      try {
        replica.watch().close();
        replica.cluster().close();
      } catch (RuntimeException e) {
        System.err.println("teardown: " + e);
      }
    }
    try {
      cluster.delete(Files.readString(QUICKSTART));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void bothReplicasServe_onlyTheLeaderWritesStatus_andTheOtherTakesOverTheLease() throws Exception {
    cluster.apply(Files.readString(QUICKSTART));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(a.status().isLeader() ^ b.status().isLeader())
                  .as("exactly one leader")
                  .isTrue();
              assertThat(a.served()).contains("name: myroute").isEqualTo(b.served());
              assertThat(conditions(status("GatewayClass", "", "gatewire")))
                  .containsEntry("Accepted", "True");
              Map<String, Object> gateway = status("Gateway", "myns", "eg");
              assertThat(conditions(gateway))
                  .containsEntry("Accepted", "True")
                  .containsEntry("Programmed", "True");
              Map<String, Object> listener = list(gateway.get("listeners")).get(0);
              assertThat(listener).containsEntry("name", "http").containsEntry("attachedRoutes", 2);
              assertThat(conditions(listener))
                  .containsEntry("Accepted", "True")
                  .containsEntry("ResolvedRefs", "True")
                  .containsEntry("Programmed", "True")
                  .containsEntry("Conflicted", "False");
              assertThat(list(status("HTTPRoute", "myns", "myroute").get("parents")))
                  .extracting(p -> p.get("controllerName"))
                  .containsExactly(CONTROLLER);
            });
    Replica leader = a.status().isLeader() ? a : b;
    Replica follower = leader == a ? b : a;
    assertThat(leader.written().get()).isPositive();
    assertThat(follower.attempted().get()).as("the follower neither writes nor compares").isZero();
    assertThat(observedGenerations(ourEntry())).containsOnly(1L);

    // Another controller adds its entry beside ours, as it would: read, append, PUT /status.
    Map<String, Object> stored = status("HTTPRoute", "myns", "myroute");
    List<Object> parents = new ArrayList<>(list(stored.get("parents")));
    parents.add(0, otherControllersEntry());
    cluster.writeStatus(ROUTES, "HTTPRoute", "myns", "myroute", Map.of("parents", parents));
    String theirs = JSON.writeValueAsString(entryOf("example.com/other"));

    // Someone overwrites the route's status with the other controller's entry alone: the leader
    // hears of the status-only update (which does not re-translate) and puts its entry back.
    cluster.writeStatus(
        ROUTES,
        "HTTPRoute",
        "myns",
        "myroute",
        Map.of("parents", List.of(otherControllersEntry())));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(list(status("HTTPRoute", "myns", "myroute").get("parents")))
                    .extracting(p -> p.get("controllerName"))
                    .containsExactlyInAnyOrder("example.com/other", CONTROLLER));
    assertThat(JSON.writeValueAsString(entryOf("example.com/other"))).isEqualTo(theirs);
    // Our entry was erased, so the restored one starts new transition times (truncated to the
    // second): they are what the next writer must keep while a condition's status stays.
    Map<String, Object> ours = ourEntry();
    assertThat(observedGenerations(ours)).containsOnly(1L);

    // The leader gives the Lease up (as on shutdown); it keeps serving, the other replica writes.
    leader.status().close();
    await().atMost(WAIT).until(() -> follower.status().isLeader());
    // A spec edit (generation 2): svc-2 no longer exists.
    server
        .admin()
        .genericKubernetesResources(ROUTES, "HTTPRoute")
        .inNamespace("myns")
        .withName("myroute")
        .edit(
            route -> {
              String spec =
                  Serialization.asJson(route.getAdditionalProperties().get("spec"))
                      .replace("\"svc-2\"", "\"missing\"");
              route.setAdditionalProperty("spec", Serialization.unmarshal(spec, Map.class));
              return route;
            });
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Map<String, Object> now = ourEntry();
              assertThat(conditions(now)).containsEntry("ResolvedRefs", "False");
              assertThat(now.toString()).contains("BackendNotFound");
              assertThat(observedGenerations(now)).containsOnly(2L);
              assertThat(leader.served())
                  .contains("gatewire/invalid-backend")
                  .isEqualTo(follower.served());
            });
    Map<String, Object> after = ourEntry();
    assertThat(transitionTime(after, "Accepted"))
        .as("Accepted stayed True: its transition time stays")
        .isEqualTo(transitionTime(ours, "Accepted"));
    assertThat(transitionTime(after, "ResolvedRefs"))
        .as("ResolvedRefs turned False: a new transition time")
        .isGreaterThanOrEqualTo(transitionTime(ours, "ResolvedRefs"));
    assertThat(JSON.writeValueAsString(entryOf("example.com/other")))
        .as("the other controller's entry, byte for byte")
        .isEqualTo(theirs);
    assertThat(follower.written().get()).isPositive();
  }

  @Test
  void malformedCertificateSecret_isInvalidInTheWrittenStatus_andServedByNoReplica()
      throws Exception {
    cluster.apply(
        Files.readString(
            Path.of(
                "src/test/resources/golden/https-listener-certificates-one-malformed/input.yaml")));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Map<String, Object> gateway = status("Gateway", "infra", "eg");
              Map<String, Map<String, Object>> listeners = new java.util.TreeMap<>();
              list(gateway.get("listeners")).forEach(l -> listeners.put((String) l.get("name"), l));
              assertThat(listeners).containsOnlyKeys("https", "https-malformed");
              for (Map<String, Object> listener : listeners.values()) {
                Map<String, Object> resolved =
                    list(listener.get("conditions")).stream()
                        .filter(c -> c.get("type").equals("ResolvedRefs"))
                        .findFirst()
                        .orElseThrow();
                assertThat(resolved)
                    .containsEntry("status", "False")
                    .containsEntry("reason", "InvalidCertificateRef");
                assertThat((String) resolved.get("message"))
                    .contains(
                        "certificateRef Secret infra/malformed-cert: tls.crt holds no PEM"
                            + " certificate");
              }
              assertThat(conditions(listeners.get("https"))).containsEntry("Programmed", "True");
              assertThat(conditions(listeners.get("https-malformed")))
                  .containsEntry("Programmed", "False");
              for (Replica replica : new Replica[] {a, b}) {
                String served =
                    replica.xds().configDump(XdsDocument.Format.YAML).getOrDefault("infra/eg", "");
                assertThat(served).contains("name: infra/good-cert").doesNotContain("malformed");
              }
            });
  }

  private static Map<String, Object> ourEntry() {
    return entryOf(CONTROLLER);
  }

  private static Map<String, Object> entryOf(String controller) {
    return list(status("HTTPRoute", "myns", "myroute").get("parents")).stream()
        .filter(p -> controller.equals(p.get("controllerName")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no parents[] entry of " + controller));
  }

  private static List<Long> observedGenerations(Map<String, Object> entry) {
    return list(entry.get("conditions")).stream()
        .map(c -> ((Number) c.get("observedGeneration")).longValue())
        .toList();
  }

  private static String transitionTime(Map<String, Object> entry, String type) {
    return list(entry.get("conditions")).stream()
        .filter(c -> type.equals(c.get("type")))
        .map(c -> (String) c.get("lastTransitionTime"))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> otherControllersEntry() {
    return parentsOfOther();
  }

  private static Map<String, Object> parentsOfOther() {
    return Map.of(
        "parentRef",
        Map.of("group", "gateway.networking.k8s.io", "kind", "Gateway", "name", "other-gw"),
        "controllerName",
        "example.com/other",
        "conditions",
        List.of(
            Map.of(
                "type",
                "Accepted",
                "status",
                "True",
                "reason",
                "Accepted",
                "message",
                "theirs",
                "observedGeneration",
                1,
                "lastTransitionTime",
                "2026-01-01T00:00:00Z")));
  }

  private static Map<String, Object> status(String kind, String namespace, String name) {
    return cluster.status(ROUTES, kind, namespace, name);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value instanceof List ? (List<Map<String, Object>>) value : List.of();
  }

  /** Condition type to status. */
  private static Map<String, Object> conditions(Map<String, Object> owner) {
    Map<String, Object> byType = new java.util.TreeMap<>();
    list(owner.get("conditions")).forEach(c -> byType.put((String) c.get("type"), c.get("status")));
    return byType;
  }
}
