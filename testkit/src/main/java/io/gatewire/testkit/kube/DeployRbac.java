package io.gatewire.testkit.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The ClusterRole, Role and bindings of {@code docs/deploy/20-rbac.yaml}, as they are, bound to the
 * ServiceAccount {@code gatewire} of a namespace of the test's choosing (the documented {@code
 * gatewire-system}, or another one so that a test can change its copy of the rules without
 * disturbing others). Outside {@code gatewire-system} the cluster-scoped ClusterRole and binding
 * are renamed {@code gatewire-<namespace>}; nothing else changes, except the rules a test leaves
 * out.
 */
public final class DeployRbac {
  public static final String DOCUMENTED_NAMESPACE = "gatewire-system";

  private DeployRbac() {}

  /** Applies the documented rules for {@code gatewire} in {@code namespace}; returns its user. */
  public static KubeUser apply(KubeApiServer server, String namespace) {
    return apply(server, namespace, rule -> true);
  }

  /**
   * Applies the documented rules, keeping only the ClusterRole rules {@code keep} accepts, for the
   * ServiceAccount {@code gatewire} in {@code namespace} (created with the namespace if absent);
   * returns the user that ServiceAccount's token authenticates as.
   */
  public static KubeUser apply(KubeApiServer server, String namespace, Predicate<PolicyRule> keep) {
    server
        .admin()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .serverSideApply();
    server
        .admin()
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName("gatewire")
                .withNamespace(namespace)
                .endMetadata()
                .build())
        .serverSideApply();
    String clusterName =
        namespace.equals(DOCUMENTED_NAMESPACE) ? "gatewire" : "gatewire-" + namespace;
    List<HasMetadata> objects = new ArrayList<>();
    for (HasMetadata object :
        server
            .admin()
            .load(
                new ByteArrayInputStream(
                    KubeApiServer.readDeployManifest("20-rbac.yaml")
                        .getBytes(StandardCharsets.UTF_8)))
            .items()) {
      if (object instanceof ClusterRole role) {
        role.getMetadata().setName(clusterName);
        role.setRules(new ArrayList<>(role.getRules().stream().filter(keep).toList()));
      } else if (object instanceof ClusterRoleBinding binding) {
        binding.getMetadata().setName(clusterName);
        binding.getRoleRef().setName(clusterName);
        binding.getSubjects().forEach(s -> moveTo(s, namespace));
      } else if (object instanceof Role role) {
        role.getMetadata().setNamespace(namespace);
      } else if (object instanceof RoleBinding binding) {
        binding.getMetadata().setNamespace(namespace);
        binding.getSubjects().forEach(s -> moveTo(s, namespace));
      }
      objects.add(object);
    }
    for (HasMetadata object : objects) {
      server
          .admin()
          .resource(object)
          .fieldManager("gatewire-test")
          .forceConflicts()
          .serverSideApply();
    }
    return KubeUser.serviceAccount(namespace, "gatewire");
  }

  private static void moveTo(Subject subject, String namespace) {
    if ("ServiceAccount".equals(subject.getKind())) {
      subject.setNamespace(namespace);
    }
  }
}
