package io.gatewire.adapters.k8s.decode;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * Names places inside one document for messages, such as {@code routes.yaml:14}. A transport that
 * knows lines answers with the line of the field a pointer names, or of its nearest enclosing field
 * that exists (a missing required field points at its parent); others answer with one fixed name.
 */
@FunctionalInterface
public interface DocumentLocation {

  /** Where the value at {@code pointer} is; the empty pointer names the document itself. */
  String at(JsonPointer pointer);

  /** Where the document starts. */
  default String start() {
    return at(JsonPointer.empty());
  }

  /** The location of a value nested in this document, such as one item of a List. */
  default DocumentLocation within(JsonPointer base) {
    return pointer -> at(base.append(pointer));
  }

  /**
   * The location of an object read from a cluster, such as {@code cluster:HTTPRoute team/web}
   * ({@code cluster:GatewayClass gatewire} for a cluster-scoped one); it knows no lines.
   */
  static DocumentLocation cluster(String kind, String namespace, String name) {
    String object = namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    return of("cluster:" + kind + " " + object);
  }

  /** A location that knows no lines: every place in the document is named {@code location}. */
  static DocumentLocation of(String location) {
    return pointer -> location;
  }
}
