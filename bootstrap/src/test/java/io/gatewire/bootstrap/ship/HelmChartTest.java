package io.gatewire.bootstrap.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewire.testkit.tools.GoTool;
import io.gatewire.testkit.tools.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart ({@code charts/gatewire}) linted and rendered by the real {@code helm} (built from
 * the Go module proxy through {@link GoTool}, pinned in {@code testkit/go/helm}): with its defaults
 * it renders exactly the objects of the plain manifests (less the Namespace and the example Envoy),
 * its values reach the objects, and the ServiceMonitor and NetworkPolicy options point at ports
 * that exist.
 */
class HelmChartTest {
  private static final GoTool HELM =
      new GoTool(
          "helm",
          "helm.sh/helm/v3/cmd/helm",
          "helm",
          List.of(
              "-X helm.sh/helm/v3/internal/version.version=v3.21.4",
              "-X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1",
              "-X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=36",
              "-X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=1",
              "-X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=36"));
  private static final String CHART = "charts/gatewire";
  private static final String NAMESPACE = "gatewire-system";

  private static String helm(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(HELM.binary().toString()));
    command.addAll(List.of(args));
    Path root = RepoRoot.find();
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    Path home = root.resolve("bootstrap/target/helm-home");
    builder.environment().put("HELM_CACHE_HOME", home.resolve("cache").toString());
    builder.environment().put("HELM_CONFIG_HOME", home.resolve("config").toString());
    builder.environment().put("HELM_DATA_HOME", home.resolve("data").toString());
    Process process = builder.redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("helm " + String.join(" ", args) + ": no answer in 120 s");
    }
    assertThat(process.exitValue()).as("helm %s:\n%s", String.join(" ", args), out).isZero();
    return out;
  }

  private static List<ObjectNode> template(String... sets) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("template", "gatewire", CHART, "--namespace", NAMESPACE));
    for (String set : sets) {
      args.addAll(List.of("--set", set));
    }
    return DeployManifests.parse(helm(args.toArray(String[]::new)));
  }

  private static Map<String, ObjectNode> byIdentity(List<ObjectNode> objects) {
    Map<String, ObjectNode> map = new TreeMap<>();
    for (ObjectNode o : objects) {
      String key =
          o.path("kind").asText()
              + " "
              + o.at("/metadata/namespace").asText()
              + "/"
              + o.at("/metadata/name").asText();
      assertThat(map.put(key, o)).as("duplicate %s", key).isNull();
    }
    return map;
  }

  private static ObjectNode find(List<ObjectNode> objects, String kind, String name) {
    return objects.stream()
        .filter(o -> o.path("kind").asText().equals(kind))
        .filter(o -> o.at("/metadata/name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + objects));
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void chart_passesHelmLint_withDefaultsAndEveryOption() throws Exception {
    assertThat(helm("lint", "--strict", CHART)).contains("1 chart(s) linted, 0 chart(s) failed");
    assertThat(
            helm(
                "lint",
                "--strict",
                CHART,
                "--set",
                "metrics.serviceMonitor.enabled=true,networkPolicy.enabled=true,logging.format=json"))
        .contains("0 chart(s) failed");
  }

  @Test
  void defaults_renderTheObjectsOfThePlainManifests() throws Exception {
    List<ObjectNode> plain = new ArrayList<>();
    for (ObjectNode o : DeployManifests.plain()) {
      String name = o.at("/metadata/name").asText();
      boolean example =
          o.at("/metadata/namespace").asText().equals("default")
              || name.startsWith("envoy-example");
      if (!o.path("kind").asText().equals("Namespace") && !example) {
        plain.add(o);
      }
    }
    Map<String, ObjectNode> expected = byIdentity(plain);
    Map<String, ObjectNode> rendered = byIdentity(template());

    assertThat(rendered.keySet()).containsExactlyElementsOf(expected.keySet());
    for (String key : expected.keySet()) {
      assertThat(rendered.get(key)).as(key).isEqualTo(expected.get(key));
    }
  }

  @Test
  void values_reachTheObjects() throws Exception {
    List<ObjectNode> objects =
        template(
            "replicas=3",
            "image.repository=registry.example/gatewire",
            "image.tag=1.2.3",
            "controllerName=example.com/gateway",
            "gatewayClass.name=edge",
            "xds.tls.secretName=edge-xds",
            "logging.format=json",
            "logging.level=debug",
            "resources.requests.cpu=1",
            "resources.limits.memory=2Gi");
    ObjectNode deployment = find(objects, "Deployment", "gatewire");
    JsonNode container = DeployManifests.container(deployment);

    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(container.path("image").asText()).isEqualTo("registry.example/gatewire:1.2.3");
    assertThat(texts(container.path("args")))
        .contains(
            "--controller-name=example.com/gateway", "--log-format=json", "--log-level=debug");
    assertThat(container.at("/resources/requests/cpu").asText()).isEqualTo("1");
    assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("2Gi");
    assertThat(deployment.at("/spec/template/spec/volumes/0/secret/secretName").asText())
        .isEqualTo("edge-xds");
    assertThat(find(objects, "Certificate", "edge-xds").at("/spec/secretName").asText())
        .isEqualTo("edge-xds");
    assertThat(find(objects, "GatewayClass", "edge").at("/spec/controllerName").asText())
        .isEqualTo("example.com/gateway");

    List<ObjectNode> bare =
        template(
            "xds.certManager.enabled=false", "gatewayClass.create=false", "metrics.enabled=false");
    assertThat(bare).noneMatch(o -> o.path("apiVersion").asText().startsWith("cert-manager.io/"));
    assertThat(bare).noneMatch(o -> o.path("kind").asText().equals("GatewayClass"));
    assertThat(find(bare, "Service", "gatewire").at("/spec/ports").findValuesAsText("name"))
        .containsExactly("grpc-xds");
  }

  @Test
  void serviceMonitorAndNetworkPolicy_areOptions_namingPortsThatExist() throws Exception {
    assertThat(template())
        .noneMatch(o -> o.path("kind").asText().matches("ServiceMonitor|NetworkPolicy"));

    List<ObjectNode> objects =
        template(
            "metrics.serviceMonitor.enabled=true",
            "metrics.serviceMonitor.labels.release=prometheus",
            "networkPolicy.enabled=true",
            "networkPolicy.adminFrom[0].namespaceSelector.matchLabels.name=monitoring");
    ObjectNode monitor = find(objects, "ServiceMonitor", "gatewire");
    ObjectNode service = find(objects, "Service", "gatewire");
    assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("prometheus");
    assertThat(monitor.at("/spec/selector/matchLabels")).isEqualTo(service.at("/metadata/labels"));
    assertThat(service.at("/spec/ports").findValuesAsText("name"))
        .contains(monitor.at("/spec/endpoints/0/port").asText());
    assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");

    ObjectNode policy = find(objects, "NetworkPolicy", "gatewire");
    JsonNode container = DeployManifests.container(find(objects, "Deployment", "gatewire"));
    List<String> containerPorts = container.path("ports").findValuesAsText("name");
    assertThat(policy.at("/spec/ingress").findValuesAsText("port"))
        .containsExactly("xds", "admin")
        .allMatch(containerPorts::contains);
    assertThat(policy.at("/spec/ingress/1/from/0/namespaceSelector/matchLabels/name").asText())
        .isEqualTo("monitoring");
    assertThat(policy.at("/spec/podSelector/matchLabels"))
        .isEqualTo(find(objects, "Deployment", "gatewire").at("/spec/selector/matchLabels"));
  }
}
