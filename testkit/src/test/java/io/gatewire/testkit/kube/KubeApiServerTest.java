package io.gatewire.testkit.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness itself, on a server of its own: the pinned version answers, RBAC refuses an unbound
 * ServiceAccount, the Gateway API CRDs are served, and the server survives its own restart, an etcd
 * restart and a compaction with its data.
 */
class KubeApiServerTest {
  private static KubeApiServer server;

  @BeforeAll
  static void start() {
    server = KubeApiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void servesThePinnedVersion_withTheGatewayApiCrds() {
    KubernetesClient admin = server.admin();

    assertThat(admin.getKubernetesVersion().getGitVersion())
        .isEqualTo(KubeTools.KUBERNETES_VERSION);
    assertThat(admin.getApiResources("gateway.networking.k8s.io/v1").getResources())
        .extracting(r -> r.getName())
        .contains("gatewayclasses", "gateways", "httproutes", "grpcroutes", "referencegrants");
  }

  @Test
  void rbac_refusesAServiceAccountWithoutBindings() {
    try (KubernetesClient unbound =
        server.client(KubeUser.serviceAccount("gatewire-lease", "gatewire"))) {
      assertThatThrownBy(() -> unbound.secrets().inAnyNamespace().list())
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining("forbidden")
          .hasMessageContaining("cannot list resource \"secrets\"");
    }
  }

  @Test
  void dataSurvivesRestarts_andCompaction() {
    KubernetesClient admin = server.admin();
    admin
        .configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("kept")
                .endMetadata()
                .addToData("a", "1")
                .build())
        .create();

    server.restartApiServer();
    server.restartEtcd();
    assertThat(server.compactEtcd()).isPositive();

    assertThat(admin.configMaps().inNamespace("default").withName("kept").get().getData())
        .containsEntry("a", "1");
  }
}
