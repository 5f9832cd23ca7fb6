package io.gatewire.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.adapters.k8s.cluster.KubernetesCluster;
import io.gatewire.adapters.k8s.source.KubernetesSourceOptions;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.serve.ServedResources;
import io.gatewire.adapters.xds.serve.ServingOptions;
import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.bootstrap.embed.Gatewire;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.SourceException;
import io.gatewire.testkit.kube.DeployRbac;
import io.gatewire.testkit.kube.KubeApiServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real chain: a real API server (as the ServiceAccount of docs/deploy under its RBAC), the
 * cluster source, the Gatewire pipeline and xDS serving. Every state the cluster is put in must be
 * served exactly as the same objects read from a file are (same node groups, resource names,
 * versions and bytes), and the changes Gatewire reacts to (route updated or deleted, ReferenceGrant
 * deleted, Namespace relabelled) show in the served xDS. One server and one running pipeline for
 * the class; each test replaces the cluster's objects. The quickstart,
 * cross-namespace-backend-with-grant and allowed-routes-selector inputs are compared by the change
 * tests; every golden input is compared by {@link ClusterGoldensTest}.
 */
class ClusterServingTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Path QUICKSTART = Path.of("../docs/examples/quickstart.yaml");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static KubernetesClient client;
  private static LiveCluster cluster;
  private static KubernetesCluster gatewire;
  private static XdsServing served;
  private static ConfigurationSource.Watch watch;
  private static String applied;

  @TempDir Path files;

  @BeforeAll
  static void startServing() throws SourceException {
    KubeApiServer server = KubeApiServer.shared();
    cluster = new LiveCluster(server);
    client = server.client(DeployRbac.apply(server, DeployRbac.DOCUMENTED_NAMESPACE));
    served =
        new XdsServing(new ServingOptions(0, MetadataOptions.DEFAULTS), new SimpleMeterRegistry());
    gatewire = new KubernetesCluster(client);
    ConfigurationSource source = gatewire.source(KubernetesSourceOptions.ALL_NAMESPACES);
    watch =
        Gatewire.builder()
            .source(source)
            .proxySink(served)
            .debounce(Duration.ofMillis(20))
            .build()
            .start();
  }

  @AfterAll
  static void stopServing() {
    try {
      watch.close();
      gatewire.close();
    } finally {
      if (applied != null) {
        cluster.delete(applied);
      }
    }
  }

  @Test
  void quickstart_isServedWithTheProvenanceMetadataOfTheFileMode() throws Exception {
    show(Files.readString(QUICKSTART));

    String gateway = served.configDump(XdsDocument.Format.YAML).get("myns/eg");
    assertThat(gateway)
        .contains(
            // virtual host: the Gateway listener
            "kind: Gateway\n",
            "name: eg\n",
            "sectionName: http\n",
            // route and cluster: the HTTPRoute with its propagated annotation
            "kind: HTTPRoute\n",
            "name: myroute\n",
            "foo: bar\n",
            // localities: the Services
            "kind: Service\n",
            "name: svc-1\n",
            "name: svc-2\n");
    assertThat(gateway).doesNotContain("OPS-1234");
  }

  @Test
  void updatedAndDeletedRoutes_areServed() throws Exception {
    String quickstart = Files.readString(QUICKSTART);
    show(quickstart);

    String reweighted =
        quickstart.replace("weight: 80", "weight: 50").replace("weight: 20", "weight: 50");
    show(reweighted);
    assertThat(served.configDump(XdsDocument.Format.YAML).get("myns/eg"))
        .contains("loadBalancingWeight: 50")
        .doesNotContain("loadBalancingWeight: 80", "loadBalancingWeight: 20");

    String staticRoute =
        quickstart.substring(
            quickstart.indexOf(
                "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: static"));
    staticRoute = staticRoute.substring(0, staticRoute.indexOf("\n---\n"));
    cluster.delete(staticRoute);
    String withoutStatic = reweighted.replace(staticRoute, "");
    applied = withoutStatic;
    awaitServed(withoutStatic);
    assertThat(served.configDump(XdsDocument.Format.YAML).get("myns/eg"))
        .contains("shop_example_com")
        .doesNotContain("www_example_com", "httproute/myns/static");
  }

  @Test
  void deletedReferenceGrant_revokesTheCrossNamespaceBackend_whoseShareBecomes500()
      throws Exception {
    String input =
        golden("cross-namespace-backend-with-grant")
                .replace(
                    "    - name: reporting\n      namespace: myns\n      port: 8080\n",
                    "    - name: reporting\n      namespace: myns\n      port: 8080\n    - name: local\n      port: 8080\n")
            + """
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: local, namespace: apps}
        spec: {clusterIP: 10.96.22.11, ports: [{name: http, port: 8080}]}
        """;
    show(input);
    assertThat(served.configDump(XdsDocument.Format.YAML).get("apps/eg"))
        .contains("10.244.22.7")
        .doesNotContain("gatewire/invalid-backend");

    String grant = input.substring(input.indexOf("apiVersion: gateway.networking.k8s.io/v1beta1"));
    grant = grant.substring(0, grant.indexOf("\n---\n"));
    cluster.delete(grant);
    String withoutGrant = input.replace(grant, "");
    applied = withoutGrant;
    awaitServed(withoutGrant);

    assertThat(served.configDump(XdsDocument.Format.YAML).get("apps/eg"))
        .contains("gatewire/invalid-backend")
        .doesNotContain("10.244.22.7");
  }

  @Test
  void relabelledNamespace_letsItsRoutesAttachThroughTheSelector() throws Exception {
    String input = golden("allowed-routes-selector");
    show(input);
    assertThat(served.configDump(XdsDocument.Format.YAML).get("infra/eg"))
        .contains("store_example_com")
        .doesNotContain("reports_example_com");

    show(input.replace("gateway-access: denied", "gateway-access: granted"));

    assertThat(served.configDump(XdsDocument.Format.YAML).get("infra/eg"))
        .contains("store_example_com", "reports_example_com", "httproute/myns/reports/rule/0");
  }

  private static String golden(String name) throws IOException {
    return Files.readString(GOLDEN.resolve(name).resolve("input.yaml"));
  }

  /**
   * Replaces the cluster's objects by those of {@code yaml} and waits until they are what is
   * served.
   */
  private void show(String yaml) throws Exception {
    if (applied != null) {
      cluster.delete(applied);
    }
    cluster.apply(yaml);
    applied = yaml;
    awaitServed(yaml);
  }

  /** Waits until the pipeline serves exactly what the same objects read from a file give. */
  private void awaitServed(String yaml) throws Exception {
    XdsServing fromFiles = servedFromFile(yaml);
    Map<String, String> expectedDump = fromFiles.configDump(XdsDocument.Format.YAML);
    SortedMap<String, SortedMap<String, String>> expected = ServedResources.of(fromFiles);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(served.configDump(XdsDocument.Format.YAML)).isEqualTo(expectedDump);
              assertThat(ServedResources.of(served)).isEqualTo(expected);
            });
  }

  private XdsServing servedFromFile(String yaml) throws IOException, SourceException {
    Path file = Files.createTempFile(files, "input", ".yaml");
    Files.writeString(file, yaml);
    XdsServing xds =
        new XdsServing(new ServingOptions(0, MetadataOptions.DEFAULTS), new SimpleMeterRegistry());
    Gatewire.builder()
        .source(new FileConfigurationSource(List.of(file)))
        .proxySink(xds)
        .build()
        .translateOnce();
    return xds;
  }
}
