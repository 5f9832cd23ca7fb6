package io.gatewire.adapters.k8s.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An object as the cluster holds it now, as far as status writing cares: its resourceVersion
 * (compared on every pass, and the precondition of a write) and its status as JSON-like maps and
 * lists (an empty map when it has none), which the writer only asks for when the object or its
 * desired status changed.
 */
public record CurrentObject(String resourceVersion, Supplier<Map<String, Object>> status) {
  public CurrentObject {
    Objects.requireNonNull(resourceVersion, "resourceVersion");
    Objects.requireNonNull(status, "status");
  }

  /** An object whose status is at hand as a map (null: none). */
  public static CurrentObject of(String resourceVersion, Map<String, Object> status) {
    Map<String, Object> value = status == null ? Map.of() : status;
    return new CurrentObject(resourceVersion, () -> value);
  }

  /**
   * A typed or generic fabric8 object, as an informer store holds it; its status is converted to
   * maps only when asked for, so an unchanged object costs no conversion.
   */
  public static CurrentObject of(HasMetadata object, KubernetesSerialization serialization) {
    return new CurrentObject(
        object.getMetadata().getResourceVersion(), () -> statusOf(object, serialization));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> statusOf(
      HasMetadata object, KubernetesSerialization serialization) {
    Object status = serialization.convertValue(object, Map.class).get("status");
    return status instanceof Map ? (Map<String, Object>) status : Map.of();
  }
}
