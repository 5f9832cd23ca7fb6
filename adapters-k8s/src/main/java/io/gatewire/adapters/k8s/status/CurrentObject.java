package io.gatewire.adapters.k8s.status;

import java.util.Map;
import java.util.Objects;

/**
 * An object as the cluster holds it now, as far as status writing cares: its resourceVersion (the
 * precondition of a write) and its status (an empty map when it has none), as JSON-like maps and lists.
 */
public record CurrentObject(String resourceVersion, Map<String, Object> status) {
  public CurrentObject {
    Objects.requireNonNull(resourceVersion, "resourceVersion");
    status = status == null ? Map.of() : status;
  }
}
