package io.gatewire.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What every object carries: kind and apiVersion as written, identity, labels, annotations, the
 * generation that status reports as observed, and the creation time used to break precedence ties.
 */
public record ObjectMeta(
    String kind,
    String groupVersion,
    String namespace,
    String name,
    Map<String, String> labels,
    Map<String, String> annotations,
    long generation,
    Instant creationTimestamp) {

  public ObjectMeta {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(groupVersion, "groupVersion");
    namespace = namespace == null ? "" : namespace;
    Objects.requireNonNull(name, "name");
    labels = labels == null ? Map.of() : sorted(labels);
    annotations = annotations == null ? Map.of() : sorted(annotations);
    creationTimestamp = creationTimestamp == null ? Instant.EPOCH : creationTimestamp;
  }

  /** A minimal meta for tests and generated objects. */
  public static ObjectMeta of(String kind, String groupVersion, String namespace, String name) {
    return new ObjectMeta(
        kind, groupVersion, namespace, name, Map.of(), Map.of(), 1, Instant.EPOCH);
  }

  /**
   * The order of {@link ObjectRef}s (kind, namespace, name) of two objects, without making them.
   */
  public static int compareRefs(ObjectMeta a, ObjectMeta b) {
    int c = a.kind.compareTo(b.kind);
    if (c == 0) {
      c = a.namespace.compareTo(b.namespace);
    }
    return c != 0 ? c : a.name.compareTo(b.name);
  }

  public ObjectRef ref() {
    return new ObjectRef(kind, namespace, name);
  }

  public ObjectMeta withAnnotations(Map<String, String> newAnnotations) {
    return new ObjectMeta(
        kind, groupVersion, namespace, name, labels, newAnnotations, generation, creationTimestamp);
  }

  public ObjectMeta withLabels(Map<String, String> newLabels) {
    return new ObjectMeta(
        kind, groupVersion, namespace, name, newLabels, annotations, generation, creationTimestamp);
  }

  public ObjectMeta withCreationTimestamp(Instant created) {
    return new ObjectMeta(
        kind, groupVersion, namespace, name, labels, annotations, generation, created);
  }

  private static Map<String, String> sorted(Map<String, String> map) {
    return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }
}
