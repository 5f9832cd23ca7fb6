package io.gatewire.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.adapters.k8s.cluster.ClusterStatus;
import io.gatewire.adapters.k8s.cluster.KubernetesCluster;
import io.gatewire.adapters.k8s.leader.LeaderElectionSettings;
import io.gatewire.adapters.k8s.source.KubernetesConfigurationSource;
import io.gatewire.adapters.k8s.source.KubernetesSourceOptions;
import io.gatewire.adapters.k8s.status.StatusWriteEvents;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.serve.ServedResources;
import io.gatewire.adapters.xds.serve.ServingOptions;
import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.bootstrap.cli.CommandRunner;
import io.gatewire.bootstrap.embed.Gatewire;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.translate.TranslatorOptions;
import io.gatewire.testkit.kube.DeployRbac;
import io.gatewire.testkit.kube.KubeApiServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden input applied to a real API server (its CRD defaults and validation applied), then
 * served from the cluster source as {@code serve --source kubernetes} does, as the ServiceAccount
 * of docs/deploy under its RBAC: the served xDS must be byte-identical (names, versions, bytes) to
 * {@code serve -f} on the same file, and the status written to the objects, as the API server
 * stores it, must equal {@code translate --emit status} (transition times aside). One server and
 * one running Gatewire for the class; each case's objects are deleted after it.
 *
 * <p>Three goldens set fields only the API server sets (creationTimestamp, generation): the file
 * side then gets the values the server assigned, so that both sides see the same objects. Three
 * goldens hold values the Gateway API CRDs' validation refuses ({@link
 * #REFUSED_BY_THE_API_SERVER}): they show how Gatewire treats such input read from files, where no
 * API server validates it; here the API server must refuse exactly them, for the reason named.
 */
class ClusterGoldensTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  /** Golden to a part of the API server's 422 message: the CRD validation that refuses it. */
  static final Map<String, String> REFUSED_BY_THE_API_SERVER =
      Map.of(
          "filters-unsupported-and-extension-ref",
          "externalAuth: Invalid value: \"object\": http must be specified",
          "invalid-paths-and-timeouts",
          "must not contain '//' when type one of ['Exact', 'PathPrefix']");

  private static KubeApiServer server;
  private static LiveCluster cluster;
  private static KubernetesClient client;
  private static KubernetesCluster gatewire;
  private static XdsServing served;
  private static ClusterStatus status;
  private static ConfigurationSource.Watch watch;

  @TempDir Path files;

  static Stream<String> goldens() throws Exception {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs
          .filter(d -> Files.exists(d.resolve("input.yaml")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @BeforeAll
  static void startGatewire() throws Exception {
    server = KubeApiServer.start();
    server.installOtherProjectsCrds();
    server.installCrds(List.of(Path.of("../docs/deploy/05-proxysettings-crd.yaml")));
    cluster = new LiveCluster(server);
    client = server.client(DeployRbac.apply(server, DeployRbac.DOCUMENTED_NAMESPACE));
    gatewire = new KubernetesCluster(client);
    KubernetesConfigurationSource source = gatewire.source(KubernetesSourceOptions.ALL_NAMESPACES);
    served =
        new XdsServing(new ServingOptions(0, MetadataOptions.DEFAULTS), new SimpleMeterRegistry());
    status =
        gatewire.status(
            TranslatorOptions.DEFAULT_CONTROLLER_NAME,
            source,
            new LeaderElectionSettings(
                DeployRbac.DOCUMENTED_NAMESPACE,
                "gatewire-leader",
                "goldens",
                Duration.ofSeconds(3),
                Duration.ofSeconds(2),
                Duration.ofMillis(250)),
            StatusWriteEvents.NONE);
    watch =
        Gatewire.builder()
            .source(source)
            .proxySink(served)
            .statusSink(status)
            .debounce(Duration.ofMillis(20))
            .build()
            .start();
    await().atMost(WAIT).until(status::isLeader);
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

  @ParameterizedTest
  @MethodSource("goldens")
  void clusterServesWhatTheFileServes_andWritesWhatTranslatePrints(String golden) throws Exception {
    String input = Files.readString(GOLDEN.resolve(golden).resolve("input.yaml"));
    List<GenericKubernetesResource> stored;
    try {
      stored = cluster.apply(input);
    } catch (KubernetesClientException e) {
      cluster.delete(input);
      if (REFUSED_BY_THE_API_SERVER.containsKey(golden)) {
        assertThat(e.getCode()).isEqualTo(422);
        assertThat(e.getMessage()).contains(REFUSED_BY_THE_API_SERVER.get(golden));
        return;
      }
      throw new AssertionError(
          "the API server refuses golden " + golden + ": " + e.getMessage(), e);
    }
    try {
      assertThat(REFUSED_BY_THE_API_SERVER)
          .as("accepted by the API server")
          .doesNotContainKey(golden);
      Path file = files.resolve("input.yaml");
      Files.writeString(file, withServerAssignedFields(input, stored));

      XdsServing fromFile = servedFromFile(file);
      Map<String, String> expectedDump = fromFile.configDump(XdsDocument.Format.YAML);
      SortedMap<String, SortedMap<String, String>> expected = ServedResources.of(fromFile);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(served.configDump(XdsDocument.Format.YAML)).isEqualTo(expectedDump);
                assertThat(ServedResources.of(served)).isEqualTo(expected);
              });

      List<Map<String, Object>> expectedStatus = translatedStatus(file);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                for (Map<String, Object> object : expectedStatus) {
                  @SuppressWarnings("unchecked")
                  Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
                  Map<String, Object> written =
                      cluster.status(
                          (String) object.get("apiVersion"),
                          (String) object.get("kind"),
                          (String) metadata.get("namespace"),
                          (String) metadata.get("name"));
                  assertThat(withoutTransitionTimes(written))
                      .as(
                          "%s %s/%s",
                          object.get("kind"), metadata.get("namespace"), metadata.get("name"))
                      .isEqualTo(object.get("status"));
                }
              });
    } finally {
      cluster.delete(input);
    }
  }

  /** {@code translate -f FILE --emit status -o json}: the status part, one entry per object. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> translatedStatus(Path file) throws Exception {
    CommandRunner.Run run =
        CommandRunner.run("translate", "-f", file.toString(), "--emit", "status", "-o", "json");
    if (run.exitCode() != 0) {
      fail("translate failed: " + run.err());
    }
    Map<String, Object> document = JSON.readValue(run.out(), Map.class);
    return (List<Map<String, Object>>) document.getOrDefault("status", List.of());
  }

  private XdsServing servedFromFile(Path file) throws Exception {
    XdsServing xds =
        new XdsServing(new ServingOptions(0, MetadataOptions.DEFAULTS), new SimpleMeterRegistry());
    Gatewire.builder()
        .source(new FileConfigurationSource(List.of(file)))
        .proxySink(xds)
        .build()
        .translateOnce();
    return xds;
  }

  /**
   * The input, with the creationTimestamp and generation the API server assigned wherever the input
   * sets one of them (only the API server sets them in a cluster).
   */
  private static String withServerAssignedFields(
      String input, List<GenericKubernetesResource> stored) throws Exception {
    if (!input.contains("creationTimestamp:") && !input.contains("generation:")) {
      return input;
    }
    List<String> documents = new ArrayList<>();
    for (GenericKubernetesResource object : cluster.parse(input)) {
      ObjectNode tree = JSON.valueToTree(object);
      ObjectNode metadata = (ObjectNode) tree.get("metadata");
      GenericKubernetesResource saved =
          stored.stream()
              .filter(
                  s ->
                      s.getKind().equals(object.getKind())
                          && s.getMetadata().getName().equals(object.getMetadata().getName())
                          && java.util.Objects.equals(
                              s.getMetadata().getNamespace(), object.getMetadata().getNamespace()))
              .findFirst()
              .orElseThrow();
      if (metadata.has("creationTimestamp")) {
        metadata.put("creationTimestamp", saved.getMetadata().getCreationTimestamp());
      }
      if (metadata.has("generation")) {
        metadata.put("generation", saved.getMetadata().getGeneration());
      }
      documents.add(YAML.writeValueAsString(tree));
    }
    return String.join("\n", documents);
  }

  @SuppressWarnings("unchecked")
  private static Object withoutTransitionTimes(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            if (!"lastTransitionTime".equals(k)) {
              copy.put((String) k, withoutTransitionTimes(v));
            }
          });
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ClusterGoldensTest::withoutTransitionTimes).toList();
    }
    return value;
  }
}
