package io.gatewire.adapters.k8s.decode;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * A field inside a document, both as users read it ({@code spec.rules[0].backendRefs[0].port}) and
 * as a JSON pointer that a {@link DocumentLocation} turns into a line.
 */
record FieldPath(JsonPointer pointer, String text) {
  static final FieldPath ROOT = new FieldPath(JsonPointer.empty(), "");
  static final FieldPath SPEC = ROOT.field("spec");

  FieldPath field(String name) {
    return new FieldPath(pointer.appendProperty(name), text.isEmpty() ? name : text + "." + name);
  }

  FieldPath index(int index) {
    return new FieldPath(pointer.appendIndex(index), text + "[" + index + "]");
  }

  /** A key of a map such as {@code data} or {@code labels}, written {@code data[tls.crt]}. */
  FieldPath key(String key) {
    return new FieldPath(pointer.appendProperty(key), text + "[" + key + "]");
  }

  @Override
  public String toString() {
    return text;
  }
}
