package io.gatewire.domain.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A route's parentRef with CRD defaults applied (group gateway.networking.k8s.io, kind Gateway).
 * {@code namespace} empty means the route's own namespace.
 */
public record ParentRef(
    String group,
    String kind,
    Optional<String> namespace,
    String name,
    Optional<String> sectionName,
    OptionalInt port) {

  public ParentRef {
    namespace = namespace == null ? Optional.empty() : namespace;
    sectionName = sectionName == null ? Optional.empty() : sectionName;
    port = port == null ? OptionalInt.empty() : port;
  }

  public static ParentRef gateway(String name) {
    return new ParentRef(
        GatewayApi.GROUP, "Gateway", Optional.empty(), name, Optional.empty(), OptionalInt.empty());
  }

  public String namespaceOr(String routeNamespace) {
    return namespace.orElse(routeNamespace);
  }
}
