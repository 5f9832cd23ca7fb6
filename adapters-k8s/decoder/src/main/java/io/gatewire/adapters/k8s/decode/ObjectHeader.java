package io.gatewire.adapters.k8s.decode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The identity a document states before it is read into a typed model: apiVersion and kind as
 * written, and the namespace and name in {@code metadata} (either may be absent when invalid).
 */
record ObjectHeader(String apiVersion, String kind, String namespace, String name) {

  static ObjectHeader of(String apiVersion, String kind, JsonNode document) {
    JsonNode metadata = document.path("metadata");
    return new ObjectHeader(
        apiVersion, kind, text(metadata.get("namespace")), text(metadata.get("name")));
  }

  /**
   * A scalar as text, as Jackson coerces it for the typed model; absent, empty or structured gives
   * null.
   */
  private static String text(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() && !node.asText().isEmpty()
        ? node.asText()
        : null;
  }

  /**
   * The namespace the object lives in: its own, {@code default} when absent, none when
   * cluster-scoped.
   */
  String namespaceFor(boolean namespaced) {
    if (!namespaced) {
      return "";
    }
    return namespace == null ? "default" : namespace;
  }

  /** {@code HTTPRoute default/web}, or just the kind when the name is unknown. */
  String describe(boolean namespaced) {
    if (name == null) {
      return kind;
    }
    String ns = namespaceFor(namespaced);
    return kind + " " + (ns.isEmpty() ? name : ns + "/" + name);
  }

  /** How an object of a kind Gatewire does not read is named in the warning that skips it. */
  String describeUnsupported() {
    String object = name == null ? "" : " " + (namespace == null ? name : namespace + "/" + name);
    return apiVersion + " " + kind + object;
  }
}
