package io.gatewire.adapters.k8s.decode;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * A field inside a document, both as users read it ({@code spec.rules[0].backendRefs[0].port}) and
 * as a JSON pointer that a {@link DocumentLocation} turns into a line. The mappers make one for
 * every field they read, and only a field that is wrong is ever printed, so a path is just its
 * parent and its last step until {@link #pointer} or {@link #text} is asked for.
 */
final class FieldPath {
  static final FieldPath ROOT = new FieldPath(null, Step.ROOT, "", -1);
  static final FieldPath SPEC = ROOT.field("spec");

  private enum Step {
    ROOT,
    FIELD,
    INDEX,
    KEY
  }

  private final FieldPath parent;
  private final Step step;
  private final String name;
  private final int index;

  private FieldPath(FieldPath parent, Step step, String name, int index) {
    this.parent = parent;
    this.step = step;
    this.name = name;
    this.index = index;
  }

  FieldPath field(String field) {
    return new FieldPath(this, Step.FIELD, field, -1);
  }

  FieldPath index(int item) {
    return new FieldPath(this, Step.INDEX, null, item);
  }

  /** A key of a map such as {@code data} or {@code labels}, written {@code data[tls.crt]}. */
  FieldPath key(String key) {
    return new FieldPath(this, Step.KEY, key, -1);
  }

  JsonPointer pointer() {
    return switch (step) {
      case ROOT -> JsonPointer.empty();
      case FIELD, KEY -> parent.pointer().appendProperty(name);
      case INDEX -> parent.pointer().appendIndex(index);
    };
  }

  String text() {
    return switch (step) {
      case ROOT -> "";
      case FIELD -> parent.step == Step.ROOT ? name : parent.text() + "." + name;
      case INDEX -> parent.text() + "[" + index + "]";
      case KEY -> parent.text() + "[" + name + "]";
    };
  }

  @Override
  public String toString() {
    return text();
  }
}
