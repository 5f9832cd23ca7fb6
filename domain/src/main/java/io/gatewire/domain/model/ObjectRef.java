package io.gatewire.domain.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A typed reference to one Kubernetes object: its kind, namespace (empty for cluster-scoped) and
 * name.
 */
public record ObjectRef(String kind, String namespace, String name)
    implements Comparable<ObjectRef> {
  private static final Comparator<ObjectRef> ORDER =
      Comparator.comparing(ObjectRef::kind)
          .thenComparing(ObjectRef::namespace)
          .thenComparing(ObjectRef::name);

  public ObjectRef {
    Objects.requireNonNull(kind, "kind");
    namespace = namespace == null ? "" : namespace;
    Objects.requireNonNull(name, "name");
  }

  /** {@code namespace/name}, or just the name for cluster-scoped objects. */
  public String namespacedName() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }

  @Override
  public int compareTo(ObjectRef other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return kind + " " + namespacedName();
  }
}
