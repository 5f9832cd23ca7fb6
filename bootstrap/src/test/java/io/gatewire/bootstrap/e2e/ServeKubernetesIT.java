package io.gatewire.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gatewire.adapters.k8s.source.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatewire serve --source kubernetes --kubeconfig F --namespace myns} as a child process
 * against fabric8's CRUD mock API server in this JVM: ready once the quickstart objects are served,
 * following a route's deletion, exiting 0 on SIGTERM.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ServeKubernetesIT {
  private static final Path QUICKSTART = Path.of("../docs/examples/quickstart.yaml");

  static KubernetesClient client;
  static KubernetesMockServer server;

  @TempDir Path dir;

  @Test
  void servesTheClustersObjects_andFollowsTheirChanges() throws Exception {
    Map<String, String> crds = MockCluster.allCrdsAtV1();
    crds.remove("Backend");
    MockCluster cluster = new MockCluster(client).installCrds(crds);
    String quickstart = Files.readString(QUICKSTART);
    cluster.apply(
        quickstart
            + """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: elsewhere, namespace: other}
        spec: {parentRefs: [{name: eg, namespace: myns}], rules: [{backendRefs: [{name: svc-1, port: 8080}]}]}
        """);
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: mock, cluster: {server: "%s"}}]
        users: [{name: mock, user: {token: test}}]
        contexts: [{name: mock, context: {cluster: mock, user: mock}}]
        current-context: mock
        """
            .formatted(client.getMasterUrl()));
    int adminPort = GatewireProcess.freePort();

    try (GatewireProcess gatewire =
        GatewireProcess.start(
            dir,
            dir.resolve("gatewire.log"),
            adminPort,
            List.of(
                "serve",
                "--source",
                "kubernetes",
                "--kubeconfig",
                kubeconfig.toString(),
                "--namespace",
                "myns",
                "--xds-port",
                Integer.toString(GatewireProcess.freePort()),
                "--admin-port",
                Integer.toString(adminPort)))) {
      gatewire.awaitReady();
      assertThat(gatewire.get("/config_dump"))
          .contains("\"myns/eg\"", "httproute/myns/myroute/rule/0", "httproute/myns/static/rule/0")
          .doesNotContain("httproute/other/elsewhere");
      assertThat(gatewire.log())
          .contains("not watching Backend")
          .doesNotContain("not watching ServiceImport");
      // The only replica takes the Lease and writes status back.
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                assertThat(gatewire.get("/metrics"))
                    .contains("gatewire_status_leader 1.0")
                    .containsPattern(
                        "gatewire_status_writes_total\\{outcome=\"written\",?\\} [1-9]");
                assertThat(
                        String.valueOf(
                            client
                                .genericKubernetesResources(
                                    "gateway.networking.k8s.io/v1", "HTTPRoute")
                                .inNamespace("myns")
                                .withName("myroute")
                                .get()
                                .getAdditionalProperties()
                                .get("status")))
                    .contains(
                        "controllerName=gatewire.io/gateway-controller",
                        "type=Accepted, status=True");
              });

      String staticRoute =
          quickstart.substring(
              quickstart.indexOf(
                  "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: static"));
      cluster.delete(staticRoute.substring(0, staticRoute.indexOf("\n---\n")));
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(gatewire.get("/config_dump"))
                      .doesNotContain("httproute/myns/static/rule/0")
                      .contains("httproute/myns/myroute/rule/0"));

      assertThat(gatewire.terminate()).isZero();
    }
  }
}
