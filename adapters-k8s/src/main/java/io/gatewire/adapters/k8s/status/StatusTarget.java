package io.gatewire.adapters.k8s.status;

import io.gatewire.domain.status.ObjectStatus;
import java.util.Objects;

/** The object a status is written to; {@code namespace} is empty for a GatewayClass. */
public record StatusTarget(String apiVersion, String kind, String namespace, String name) {
  public StatusTarget {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  public static StatusTarget of(ObjectStatus status) {
    return new StatusTarget(
        status.groupVersion(), status.kind(), status.namespace(), status.name());
  }

  @Override
  public String toString() {
    return namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
  }
}
