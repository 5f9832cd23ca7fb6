package io.gatewire.domain.status;

import io.gatewire.domain.model.ObjectRef;

/**
 * Something the user should know that is not a status condition, about {@code object} (null:
 * global).
 */
public record Warning(ObjectRef object, String message) implements Comparable<Warning> {
  @Override
  public int compareTo(Warning o) {
    int c =
        java.util.Comparator.nullsFirst(java.util.Comparator.<ObjectRef>naturalOrder())
            .compare(object, o.object);
    return c != 0 ? c : message.compareTo(o.message);
  }

  @Override
  public String toString() {
    return object == null ? message : object + ": " + message;
  }
}
