package io.gatewire.domain.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A Secret. {@code data} holds decoded values by key ({@code tls.crt}, {@code tls.key}); it never
 * reaches printed output.
 */
public record Secret(ObjectMeta meta, String type, Map<String, byte[]> data)
    implements KubernetesObject {
  public Secret {
    data = Map.copyOf(data);
  }

  /** Equal when the values are equal byte for byte (a record compares arrays by identity). */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Secret other)
        || !meta.equals(other.meta)
        || !Objects.equals(type, other.type)
        || !data.keySet().equals(other.data.keySet())) {
      return false;
    }
    return data.entrySet().stream()
        .allMatch(e -> Arrays.equals(e.getValue(), other.data.get(e.getKey())));
  }

  @Override
  public int hashCode() {
    int values = 0;
    for (Map.Entry<String, byte[]> e : data.entrySet()) {
      values += e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
    }
    return Objects.hash(meta, type, values);
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
