package io.gatewire.domain.model;

import java.util.List;
import java.util.Optional;

/** A ReferenceGrant (v1 or v1beta1): who may refer to what in its namespace. */
public record ReferenceGrant(ObjectMeta meta, List<From> from, List<To> to)
    implements KubernetesObject {
  public ReferenceGrant {
    from = List.copyOf(from);
    to = List.copyOf(to);
  }

  /** A referring group, kind and namespace. */
  public record From(String group, String kind, String namespace) {}

  /** A target group and kind, optionally one name. */
  public record To(String group, String kind, Optional<String> name) {
    public To {
      name = name == null ? Optional.empty() : name;
    }
  }

  /**
   * Whether this grant lets an object of (fromGroup, fromKind, fromNamespace) refer to the target.
   */
  public boolean permits(
      String fromGroup,
      String fromKind,
      String fromNamespace,
      String toGroup,
      String toKind,
      String toName) {
    boolean fromOk =
        from.stream()
            .anyMatch(
                f ->
                    f.group().equals(fromGroup)
                        && f.kind().equals(fromKind)
                        && f.namespace().equals(fromNamespace));
    boolean toOk =
        to.stream()
            .anyMatch(
                t ->
                    t.group().equals(toGroup)
                        && t.kind().equals(toKind)
                        && t.name().map(toName::equals).orElse(true));
    return fromOk && toOk;
  }
}
