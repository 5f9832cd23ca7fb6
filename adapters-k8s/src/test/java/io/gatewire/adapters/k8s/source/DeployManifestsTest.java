package io.gatewire.adapters.k8s.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.gatewire.domain.translate.TranslatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/deploy/ against what the code does: the ClusterRole grants exactly get/list/watch on every
 * kind the source watches (and Secrets), update on the status subresources the writer writes,
 * nothing else cluster-wide; the Lease verbs live in a namespaced Role; the Deployment runs {@code
 * serve --source kubernetes} over mTLS with probes on the admin port and resource requests, as the
 * ServiceAccount the bindings name; the Service targets the container's ports; the GatewayClass
 * names the default controller.
 */
class DeployManifestsTest {
  private static final Path DEPLOY = Path.of("..", "docs", "deploy");
  private static final Set<String> STATUS_WRITTEN =
      Set.of(
          "gatewayclasses",
          "gateways",
          "httproutes",
          "grpcroutes",
          "tlsroutes",
          "tcproutes",
          "udproutes");
  private static final List<HasMetadata> OBJECTS = new ArrayList<>();

  @BeforeAll
  static void readManifests() throws IOException {
    KubernetesSerialization serialization = new KubernetesSerialization();
    try (Stream<Path> files = Files.list(DEPLOY)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        Object read = serialization.unmarshal(Files.readString(file));
        if (read instanceof List<?> list) {
          list.forEach(o -> OBJECTS.add((HasMetadata) o));
        } else {
          OBJECTS.add((HasMetadata) read);
        }
      }
    }
  }

  private static <T> T only(Class<T> type) {
    List<T> found = OBJECTS.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void clusterRole_grantsReadOnWhatTheSourceWatches_andStatusUpdatesOnly() {
    ClusterRole role = only(ClusterRole.class);
    Set<String> read = new TreeSet<>();
    Set<String> statusUpdates = new TreeSet<>();
    for (PolicyRule rule : role.getRules()) {
      assertThat(rule.getApiGroups()).doesNotContain("*");
      assertThat(rule.getResources()).doesNotContain("*");
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          if (resource.endsWith("/status")) {
            assertThat(rule.getVerbs()).containsExactly("update");
            statusUpdates.add(group + "/" + resource);
          } else {
            assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "list", "watch");
            read.add(group + "/" + resource);
          }
        }
      }
    }
    Set<String> watched = new TreeSet<>();
    WatchedKind.CATALOG.forEach(k -> watched.add(k.group() + "/" + k.plural()));
    watched.add(WatchedKind.SECRET.group() + "/" + WatchedKind.SECRET.plural());
    assertThat(read).isEqualTo(watched);
    Set<String> written = new TreeSet<>();
    STATUS_WRITTEN.forEach(
        plural -> written.add("gateway.networking.k8s.io/" + plural + "/status"));
    assertThat(statusUpdates).isEqualTo(written);
  }

  @Test
  void leases_areANamespacedRole_inGatewiresNamespace() {
    Role role = only(Role.class);
    assertThat(role.getMetadata().getNamespace()).isEqualTo("gatewire-system");
    assertThat(role.getRules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getApiGroups()).containsExactly("coordination.k8s.io");
              assertThat(rule.getResources()).containsExactly("leases");
              assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "create", "update");
            });
  }

  @Test
  void deployment_servesFromTheClusterOverMutualTls_withProbesAndRequests() {
    Deployment deployment =
        OBJECTS.stream()
            .filter(Deployment.class::isInstance)
            .map(Deployment.class::cast)
            .filter(d -> d.getMetadata().getName().equals("gatewire"))
            .findFirst()
            .orElseThrow();
    String serviceAccount = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
    assertThat(only(ClusterRoleBinding.class).getSubjects())
        .singleElement()
        .satisfies(s -> assertThat(s.getName()).isEqualTo(serviceAccount));
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getArgs())
        .startsWith("serve")
        .contains("--source=kubernetes", "--xds-authorize-by-san")
        .anyMatch(a -> a.startsWith("--xds-tls-cert="))
        .anyMatch(a -> a.startsWith("--xds-tls-key="))
        .anyMatch(a -> a.startsWith("--xds-client-ca="))
        .anyMatch(a -> a.startsWith("--admin-address="))
        .anyMatch(a -> a.startsWith("--lease-namespace="));
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("admin");
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(deployment.getSpec().getReplicas()).isGreaterThan(1);

    Set<String> containerPorts = new TreeSet<>();
    container.getPorts().forEach(p -> containerPorts.add(p.getName()));
    Service service =
        OBJECTS.stream()
            .filter(Service.class::isInstance)
            .map(Service.class::cast)
            .filter(s -> s.getMetadata().getName().equals("gatewire"))
            .findFirst()
            .orElseThrow();
    service
        .getSpec()
        .getPorts()
        .forEach(p -> assertThat(containerPorts).contains(p.getTargetPort().getStrVal()));
    assertThat(service.getSpec().getSelector())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void gatewayClass_namesTheDefaultController() {
    HasMetadata gatewayClass =
        OBJECTS.stream()
            .filter(o -> o.getKind().equals("GatewayClass"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no GatewayClass in docs/deploy"));
    Map<?, ?> tree = new KubernetesSerialization().convertValue(gatewayClass, Map.class);
    assertThat(((Map<?, ?>) tree.get("spec")).get("controllerName"))
        .isEqualTo(TranslatorOptions.DEFAULT_CONTROLLER_NAME);
  }
}
