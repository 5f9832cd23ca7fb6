package io.gatewire.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gatewire.adapters.k8s.cluster.ClusterStatus;
import io.gatewire.adapters.k8s.cluster.KubernetesCluster;
import io.gatewire.adapters.k8s.leader.LeaderElectionSettings;
import io.gatewire.adapters.k8s.source.KubernetesConfigurationSource;
import io.gatewire.adapters.k8s.source.KubernetesSourceOptions;
import io.gatewire.adapters.k8s.status.StatusWriteEvents;
import io.gatewire.adapters.xds.serve.ServingOptions;
import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.bootstrap.cluster.LiveCluster;
import io.gatewire.bootstrap.embed.Gatewire;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.testkit.conformance.ConformanceData;
import io.gatewire.testkit.kube.DeployRbac;
import io.gatewire.testkit.kube.KubeApiServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance status assertions of the vendored data, checked on the objects as a real API
 * server stores them: the base manifests, then each test's manifests, applied through the API and
 * served from the cluster source with status written back by the Lease holder (as the
 * ServiceAccount of docs/deploy), until the assertions hold or {@link #SETTLE} passes. The same
 * assertions, on {@code translate --emit status}, are {@link ConformanceSuiteTest}'s; assertions
 * after a runtime change are not checked in either.
 */
class ClusterConformanceStatusTest {
  private static final Duration SETTLE = Duration.ofSeconds(20);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTROLLER = "gatewire.io/gateway-controller";

  private static KubeApiServer server;
  private static LiveCluster cluster;
  private static KubernetesCluster gatewire;
  private static ConfigurationSource.Watch watch;
  private static ClusterStatus status;

  @TempDir static Path temp;

  @BeforeAll
  static void startGatewire() throws Exception {
    server = KubeApiServer.start();
    cluster = new LiveCluster(server);
    Path data = ConformanceData.copyTo(temp.resolve("data"));
    cluster.apply(placeholders(Files.readString(data.resolve("base/manifests.yaml"))));
    // The certificate the suite generates at run time: a real one, since listener certificates
    // are checked before they are served.
    cluster.apply(SuiteCertificate.tlsValidityChecks().secretYaml());
    cluster.apply(
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: gatewire}
        spec: {controllerName: %s}
        """
            .formatted(CONTROLLER));
    KubernetesClient client =
        server.client(DeployRbac.apply(server, DeployRbac.DOCUMENTED_NAMESPACE));
    gatewire = new KubernetesCluster(client);
    KubernetesConfigurationSource source = gatewire.source(KubernetesSourceOptions.ALL_NAMESPACES);
    status =
        gatewire.status(
            CONTROLLER,
            source,
            new LeaderElectionSettings(
                DeployRbac.DOCUMENTED_NAMESPACE,
                "gatewire-leader",
                "conformance",
                Duration.ofSeconds(3),
                Duration.ofSeconds(2),
                Duration.ofMillis(250)),
            StatusWriteEvents.NONE);
    watch =
        Gatewire.builder()
            .source(source)
            .proxySink(
                new XdsServing(
                    new ServingOptions(0, MetadataOptions.DEFAULTS), new SimpleMeterRegistry()))
            .statusSink(status)
            .debounce(Duration.ofMillis(20))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    try {
      watch.close();
      gatewire.close();
    } finally {
      server.close();
    }
  }

  @Test
  void everyStatusAssertionHolds_onTheObjectsAsStored() throws Exception {
    Path data = temp.resolve("data");
    String base = placeholders(Files.readString(data.resolve("base/manifests.yaml")));
    Map<String, List<String>> failures = new TreeMap<>();
    int checked = 0;
    for (JsonNode test : YAML.readTree(data.resolve("index.yaml").toFile()).get("tests")) {
      Path dir = data.resolve(test.get("dir").asText());
      if (!Files.exists(dir.resolve("status.yaml"))) {
        continue;
      }
      String name = test.get("name").asText();
      String manifests = placeholders(Files.readString(dir.resolve("manifests.yaml")));
      JsonNode assertions = YAML.readTree(dir.resolve("status.yaml").toFile()).get("assertions");
      cluster.apply(manifests);
      try {
        List<String> failed = List.of();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        do {
          StatusAssertions assertion =
              new StatusAssertions(stored(base + "\n---\n" + manifests), CONTROLLER);
          failed = assertion.failures(assertions);
          if (failed.isEmpty()) {
            checked += assertions.size() - assertion.skipped();
            break;
          }
          Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        failures.put(name, failed);
      } finally {
        cluster.delete(manifests);
      }
    }
    long failedTests = failures.values().stream().filter(f -> !f.isEmpty()).count();
    System.out.printf(
        "Conformance status assertions on the stored objects: %d tests, %d failed, %d assertions"
            + " held%n",
        failures.size(), failedTests, checked);
    Map<String, List<String>> failing = new TreeMap<>(failures);
    failing.values().removeIf(List::isEmpty);
    assertThat(failures).isNotEmpty();
    assertThat(failing).as("status assertions that failed, by test").isEmpty();
  }

  /**
   * The Gateways and HTTPRoutes of {@code manifests} as the API server stores them now, in the
   * shape {@code translate --emit status -o json} prints.
   */
  private static ArrayNode stored(String manifests) {
    ArrayNode list = JSON.createArrayNode();
    for (GenericKubernetesResource object : cluster.parse(manifests)) {
      if (!List.of("Gateway", "HTTPRoute").contains(object.getKind())) {
        continue;
      }
      GenericKubernetesResource now =
          cluster.get(
              object.getApiVersion(),
              object.getKind(),
              object.getMetadata().getNamespace(),
              object.getMetadata().getName());
      if (now == null || now.getAdditionalProperties().get("status") == null) {
        continue;
      }
      ObjectNode entry = list.addObject();
      entry.put("apiVersion", now.getApiVersion());
      entry.put("kind", now.getKind());
      entry
          .putObject("metadata")
          .put("name", now.getMetadata().getName())
          .put("namespace", now.getMetadata().getNamespace());
      entry.set("status", JSON.valueToTree(now.getAdditionalProperties().get("status")));
    }
    return list;
  }

  private static String placeholders(String yaml) {
    return yaml.replace("{GATEWAY_CLASS_NAME}", "gatewire");
  }
}
