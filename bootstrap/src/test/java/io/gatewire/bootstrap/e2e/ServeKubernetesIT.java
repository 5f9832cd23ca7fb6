package io.gatewire.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gatewire.testkit.kube.DeployRbac;
import io.gatewire.testkit.kube.KubeApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatewire serve --source kubernetes --kubeconfig F --namespace myns --lease-namespace
 * gatewire-system} as a child process, as a user runs the jar, against a real API server, with the
 * kubeconfig of the ServiceAccount of docs/deploy bound by its RBAC: ready once the quickstart
 * objects are served, takes the Lease and writes route status, follows a route's deletion, exits 0
 * on SIGTERM.
 */
class ServeKubernetesIT {
  private static final Path QUICKSTART = Path.of("../docs/examples/quickstart.yaml");

  @TempDir Path dir;

  @Test
  void servesTheClustersObjects_andFollowsTheirChanges() throws Exception {
    KubeApiServer server = KubeApiServer.shared();
    server.installCrd("serviceimports.multicluster.x-k8s.io");
    KubernetesClient client = server.admin();
    String quickstart = Files.readString(QUICKSTART);
    server.apply(
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: myns}\n---\n"
            + "apiVersion: v1\nkind: Namespace\nmetadata: {name: other}\n");
    server.apply(
        quickstart
            + """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: elsewhere, namespace: other}
        spec: {parentRefs: [{name: eg, namespace: myns}], rules: [{backendRefs: [{name: svc-1, port: 8080}]}]}
        """);
    Path kubeconfig =
        server.kubeconfig(
            DeployRbac.apply(server, DeployRbac.DOCUMENTED_NAMESPACE), dir.resolve("kubeconfig"));
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
                "--lease-namespace",
                DeployRbac.DOCUMENTED_NAMESPACE,
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
                        "status=True, type=Accepted");
              });

      client
          .genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute")
          .inNamespace("myns")
          .withName("static")
          .delete();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(gatewire.get("/config_dump"))
                      .doesNotContain("httproute/myns/static/rule/0")
                      .contains("httproute/myns/myroute/rule/0"));

      assertThat(gatewire.terminate()).isZero();
    } finally {
      server.admin().load(new java.io.ByteArrayInputStream(quickstart.getBytes())).delete();
    }
  }
}
