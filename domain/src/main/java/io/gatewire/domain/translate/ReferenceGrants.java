package io.gatewire.domain.translate;

import io.gatewire.domain.model.ReferenceGrant;
import java.util.List;

/**
 * Answers whether a cross-namespace reference is permitted by a ReferenceGrant in the target
 * namespace.
 */
final class ReferenceGrants {
  private final List<ReferenceGrant> grants;

  ReferenceGrants(List<ReferenceGrant> grants) {
    this.grants = List.copyOf(grants);
  }

  boolean permits(
      String fromGroup,
      String fromKind,
      String fromNamespace,
      String toGroup,
      String toKind,
      String toNamespace,
      String toName) {
    return grants.stream()
        .filter(g -> g.meta().namespace().equals(toNamespace))
        .anyMatch(g -> g.permits(fromGroup, fromKind, fromNamespace, toGroup, toKind, toName));
  }
}
