package io.gatewire.domain.status;

import io.gatewire.domain.model.ObjectMeta;

/** The status one input object should have, as the status subresource would hold it. */
public record ObjectStatus(
    String kind, String groupVersion, String namespace, String name, StatusBody status)
    implements Comparable<ObjectStatus> {

  public static ObjectStatus of(ObjectMeta meta, StatusBody status) {
    return new ObjectStatus(
        meta.kind(), meta.groupVersion(), meta.namespace(), meta.name(), status);
  }

  @Override
  public int compareTo(ObjectStatus o) {
    int byKind = kind.compareTo(o.kind);
    if (byKind != 0) {
      return byKind;
    }
    int byNamespace = namespace.compareTo(o.namespace);
    return byNamespace != 0 ? byNamespace : name.compareTo(o.name);
  }
}
