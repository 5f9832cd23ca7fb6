package io.gatewire.domain.model;

import java.util.Map;

/**
 * A Secret. {@code data} holds decoded values by key ({@code tls.crt}, {@code tls.key}); it never
 * reaches printed output.
 */
public record Secret(ObjectMeta meta, String type, Map<String, byte[]> data)
    implements KubernetesObject {
  public Secret {
    data = Map.copyOf(data);
  }

  @Override
  public String toString() {
    return "Secret["
        + meta.ref()
        + ", type="
        + type
        + ", keys="
        + new java.util.TreeSet<>(data.keySet())
        + "]";
  }
}
