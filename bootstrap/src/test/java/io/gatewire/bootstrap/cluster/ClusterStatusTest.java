package io.gatewire.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.gatewire.adapters.k8s.cluster.ClusterStatus;
import io.gatewire.adapters.k8s.cluster.KubernetesCluster;
import io.gatewire.adapters.k8s.leader.LeaderElectionSettings;
import io.gatewire.adapters.k8s.source.KubernetesConfigurationSource;
import io.gatewire.adapters.k8s.source.KubernetesSourceOptions;
import io.gatewire.adapters.k8s.source.MockCluster;
import io.gatewire.adapters.k8s.status.StatusTarget;
import io.gatewire.adapters.k8s.status.StatusWriteEvents;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.serve.ServingOptions;
import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.bootstrap.embed.Gatewire;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.translate.TranslatorOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas against one cluster (fabric8's CRUD mock API server), each the real chain: cluster
 * source, Gatewire pipeline, xDS serving, and status write-back under leader election. Both serve
 * the same xDS; only the Lease holder writes status (GatewayClass, Gateway with its listeners,
 * routes with our parents[] entries beside another controller's); when it gives the Lease up the
 * other replica writes, and the replica that stopped writing keeps serving.
 */
@EnableKubernetesMockClient(crud = true)
class ClusterStatusTest {
  private static final Path QUICKSTART = Path.of("../docs/examples/quickstart.yaml");
  // Generous: a Lease handover under a loaded CI machine can take several retry periods.
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String CONTROLLER = TranslatorOptions.DEFAULT_CONTROLLER_NAME;
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static KubernetesClient client;
  static KubernetesMockServer server;

  private static MockCluster cluster;
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
              "gatewire-system",
              "gatewire-leader",
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
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    Map<String, String> crds = MockCluster.allCrdsAtV1();
    crds.put("ReferenceGrant", "v1beta1");
    cluster = new MockCluster(client).installCrds(crds);
    a = Replica.start("replica-a", server.createClient());
    b = Replica.start("replica-b", server.createClient());
  }

  @AfterAll
  static void stop() {
    for (Replica replica : new Replica[] {a, b}) {
      try {
        replica.watch().close();
        replica.status().close();
      } catch (RuntimeException e) {
        System.err.println("teardown: " + e);
      }
    }
  }

  @Test
  void bothReplicasServe_onlyTheLeaderWritesStatus_andTheOtherTakesOverTheLease() throws Exception {
    String quickstart = Files.readString(QUICKSTART);
    // Another controller also manages myroute through its own Gateway: its entry, there before
    // ours,
    // must survive our writes.
    cluster.apply(
        quickstart.replace("      weight: 20\n", "      weight: 20\n" + OTHER_CONTROLLERS_STATUS));

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
              List<Map<String, Object>> parents =
                  list(status("HTTPRoute", "myns", "myroute").get("parents"));
              assertThat(parents)
                  .extracting(p -> p.get("controllerName"))
                  .containsExactly("example.com/other", CONTROLLER);
              assertThat(parents.get(0)).isEqualTo(parentsOfOther());
              assertThat(conditions(parents.get(1)))
                  .containsEntry("Accepted", "True")
                  .containsEntry("ResolvedRefs", "True");
            });
    Replica leader = a.status().isLeader() ? a : b;
    Replica follower = leader == a ? b : a;
    assertThat(leader.written().get()).isPositive();
    assertThat(follower.attempted().get()).as("the follower neither writes nor compares").isZero();

    // Someone overwrites the route's status with the other controller's entry alone: the leader
    // hears
    // of the status-only update (which does not re-translate) and puts its entry back.
    cluster.updateStatus(
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: myroute, namespace: myns}
        """
            + OTHER_CONTROLLERS_STATUS);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(list(status("HTTPRoute", "myns", "myroute").get("parents")))
                    .extracting(p -> p.get("controllerName"))
                    .containsExactly("example.com/other", CONTROLLER));

    // The leader gives the Lease up (as on shutdown); it keeps serving, the other replica writes.
    leader.status().close();
    await().atMost(WAIT).until(() -> follower.status().isLeader());
    // A spec edit as a patch (the mock, unlike an API server, would drop the status on a plain
    // update).
    client
        .genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute")
        .inNamespace("myns")
        .withName("myroute")
        .edit(
            route -> {
              route.getMetadata().setGeneration(2L);
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
              List<Map<String, Object>> parents =
                  list(status("HTTPRoute", "myns", "myroute").get("parents"));
              assertThat(parents.get(0)).isEqualTo(parentsOfOther());
              assertThat(conditions(parents.get(1))).containsEntry("ResolvedRefs", "False");
              assertThat(parents.get(1).toString()).contains("BackendNotFound");
              assertThat(leader.served())
                  .contains("gatewire/invalid-backend")
                  .isEqualTo(follower.served());
            });
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

  private static final String OTHER_CONTROLLERS_STATUS =
      """
      status:
        parents:
        - parentRef: {group: gateway.networking.k8s.io, kind: Gateway, name: other-gw}
          controllerName: example.com/other
          conditions:
          - {type: Accepted, status: "True", reason: Accepted, message: theirs, observedGeneration: 1,
             lastTransitionTime: "2026-01-01T00:00:00Z"}
      """;

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

  @SuppressWarnings("unchecked")
  private static Map<String, Object> status(String kind, String namespace, String name) {
    var resources = client.genericKubernetesResources("gateway.networking.k8s.io/v1", kind);
    GenericKubernetesResource object =
        namespace.isEmpty()
            ? resources.withName(name).get()
            : resources.inNamespace(namespace).withName(name).get();
    Object status = object == null ? null : object.getAdditionalProperties().get("status");
    return status instanceof Map ? (Map<String, Object>) status : Map.of();
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
