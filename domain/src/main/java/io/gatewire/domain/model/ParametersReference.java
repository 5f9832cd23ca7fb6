package io.gatewire.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code parametersRef}: a GatewayClass's {@code spec.parametersRef} (group, kind, namespace,
 * name) or a Gateway's {@code spec.infrastructure.parametersRef} (group, kind, name; the Gateway's
 * own namespace, so {@code namespace} is empty). {@code group} is empty for the core group.
 */
public record ParametersReference(
    String group, String kind, Optional<String> namespace, String name) {
  public ParametersReference {
    group = group == null ? "" : group;
    Objects.requireNonNull(kind, "kind");
    namespace = namespace == null ? Optional.empty() : namespace;
    Objects.requireNonNull(name, "name");
  }

  /** Whether it names a Gatewire {@link ProxySettings}. */
  public boolean namesProxySettings() {
    return ProxySettings.GROUP.equals(group) && ProxySettings.KIND.equals(kind);
  }

  /** {@code group/kind namespace/name}, as messages name the reference. */
  @Override
  public String toString() {
    String where = namespace.map(ns -> ns + "/" + name).orElse(name);
    return (group.isEmpty() ? "" : group + "/") + kind + " " + where;
  }
}
