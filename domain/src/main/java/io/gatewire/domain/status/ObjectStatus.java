package io.gatewire.domain.status;

import io.gatewire.domain.model.ObjectMeta;
import java.util.Comparator;

/** The status one input object should have, as the status subresource would hold it. */
public record ObjectStatus(String kind, String groupVersion, String namespace, String name, StatusBody status)
    implements Comparable<ObjectStatus> {
  private static final Comparator<ObjectStatus> ORDER = Comparator.comparing(ObjectStatus::kind)
      .thenComparing(ObjectStatus::namespace).thenComparing(ObjectStatus::name);

  public static ObjectStatus of(ObjectMeta meta, StatusBody status) {
    return new ObjectStatus(meta.kind(), meta.groupVersion(), meta.namespace(), meta.name(), status);
  }

  @Override
  public int compareTo(ObjectStatus o) {
    return ORDER.compare(this, o);
  }
}
