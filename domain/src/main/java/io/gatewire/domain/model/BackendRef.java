package io.gatewire.domain.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A backendRef with defaults applied (group core, kind Service, weight 1). {@code namespace} empty
 * means the route's own namespace.
 */
public record BackendRef(
    String group,
    String kind,
    Optional<String> namespace,
    String name,
    OptionalInt port,
    int weight) {

  public BackendRef {
    namespace = namespace == null ? Optional.empty() : namespace;
    port = port == null ? OptionalInt.empty() : port;
  }

  public static BackendRef service(String name, int port, int weight) {
    return new BackendRef(
        GatewayApi.CORE_GROUP, "Service", Optional.empty(), name, OptionalInt.of(port), weight);
  }

  public String namespaceOr(String routeNamespace) {
    return namespace.orElse(routeNamespace);
  }
}
