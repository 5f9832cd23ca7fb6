package io.gatewire.adapters.k8s.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.SourceException;
import io.gatewire.testkit.kube.DeployRbac;
import io.gatewire.testkit.kube.KubeApiServer;
import io.gatewire.testkit.kube.KubeUser;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster source on a real API server, as a ServiceAccount bound by a copy of docs/deploy's
 * rules: a missing rule is reported naming the kind and the verb refused, and the informer starts
 * once the rule is granted; a CRD installed after the source started gets its informer, both
 * without a restart.
 */
class RealApiServerSourceTest {
  private static KubeApiServer server;

  @BeforeAll
  static void server() {
    server = KubeApiServer.shared();
  }

  private static boolean endpointSlices(PolicyRule rule) {
    return rule.getResources().contains("endpointslices");
  }

  @Test
  void aRuleMissingFromTheClusterRole_isNamed_andTheInformerStartsOnceItIsGranted()
      throws Exception {
    String ns = "gatewire-rbac";
    KubeUser user = DeployRbac.apply(server, ns, rule -> !endpointSlices(rule));
    server.apply(
        """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: web-abc
          namespace: %s
          labels: {kubernetes.io/service-name: web}
        addressType: IPv4
        endpoints: [{addresses: [10.244.1.1]}]
        ports: [{name: http, port: 8080}]
        """
            .formatted(ns));
    AtomicInteger signals = new AtomicInteger();
    try (KubernetesClient client = server.client(user);
        KubernetesConfigurationSource source =
            KubernetesConfigurationSource.create(
                client,
                KubernetesSourceOptions.ALL_NAMESPACES.withSyncTimeout(Duration.ofSeconds(3)))) {
      ConfigurationSource.Watch watch = source.watch(signals::incrementAndGet);

      assertThatThrownBy(source::load)
          .isInstanceOf(SourceException.class)
          .hasMessageContaining("EndpointSlice")
          .hasMessageContaining("cannot list resource \"endpointslices\"")
          .hasMessageContaining("in API group \"discovery.k8s.io\"");

      DeployRbac.apply(server, ns);
      int before = signals.get();
      await().atMost(Duration.ofSeconds(60)).until(() -> signals.get() > before);
      GatewayResources loaded = source.load();
      assertThat(loaded.endpointSlices())
          .extracting(KubernetesObject::ref)
          .extracting(ref -> ref.namespace() + "/" + ref.name())
          .contains(ns + "/web-abc");
      watch.close();
    }
  }

  @Test
  void aCrdInstalledAfterStart_getsItsInformer_withoutARestart() throws Exception {
    String ns = "late-crd";
    server.apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: %s}\n".formatted(ns));
    AtomicInteger signals = new AtomicInteger();
    try (KubernetesClient client = server.client(DeployRbac.apply(server, "gatewire-system"));
        KubernetesConfigurationSource source =
            KubernetesConfigurationSource.create(
                client,
                KubernetesSourceOptions.ALL_NAMESPACES.withRediscoveryPeriod(
                    Duration.ofMillis(500)))) {
      ConfigurationSource.Watch watch = source.watch(signals::incrementAndGet);
      boolean installedBefore =
          source.watchedKinds().contains("multicluster.x-k8s.io/v1alpha1 ServiceImport");
      source.load();

      server.installCrd("serviceimports.multicluster.x-k8s.io");
      server.apply(
          """
          apiVersion: multicluster.x-k8s.io/v1alpha1
          kind: ServiceImport
          metadata: {name: remote, namespace: %s}
          spec: {type: ClusterSetIP, ips: [10.100.0.9], ports: [{name: http, port: 80, protocol: TCP}]}
          """
              .formatted(ns));

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(source.load().serviceImports())
                      .extracting(o -> o.ref().namespace() + "/" + o.ref().name())
                      .contains(ns + "/remote"));
      assertThat(installedBefore).as("ServiceImport watched before its CRD existed").isFalse();
      assertThat(source.watchedKinds()).contains("multicluster.x-k8s.io/v1alpha1 ServiceImport");
      watch.close();
    }
  }
}
