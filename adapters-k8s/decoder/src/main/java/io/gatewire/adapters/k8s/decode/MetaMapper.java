package io.gatewire.adapters.k8s.decode;

import io.gatewire.domain.model.ObjectMeta;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps {@code metadata}: identity from the document's header (kind and apiVersion exactly as
 * written, namespace {@code default} when a namespaced object has none), labels, annotations,
 * generation (1 when absent) and creationTimestamp (the epoch when absent).
 */
final class MetaMapper {
  private static final FieldPath METADATA = FieldPath.ROOT.field("metadata");

  ObjectMeta map(
      ObjectHeader header,
      boolean namespaced,
      io.fabric8.kubernetes.api.model.ObjectMeta metadata) {
    return new ObjectMeta(
        header.kind(),
        header.apiVersion(),
        header.namespaceFor(namespaced),
        header.name(),
        withoutNulls(metadata.getLabels()),
        withoutNulls(metadata.getAnnotations()),
        Fields.orDefault(metadata.getGeneration(), 1L),
        timestamp(metadata.getCreationTimestamp()));
  }

  /** YAML {@code key:} with no value reads as null; Kubernetes stores it as the empty string. */
  private static Map<String, String> withoutNulls(Map<String, String> values) {
    Map<String, String> copy = new LinkedHashMap<>();
    Fields.map(values).forEach((key, value) -> copy.put(key, value == null ? "" : value));
    return copy;
  }

  private static Instant timestamp(String value) {
    if (value == null || value.isEmpty()) {
      return Instant.EPOCH;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(
          METADATA.field("creationTimestamp"),
          "cannot parse \"" + value + "\" as an RFC 3339 timestamp");
    }
  }
}
