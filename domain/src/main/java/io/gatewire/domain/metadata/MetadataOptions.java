package io.gatewire.domain.metadata;

import java.util.List;
import java.util.Objects;

/**
 * How metadata is emitted: the filter_metadata namespace, the annotation prefixes that pass (and
 * are stripped), the label keys that pass, the size caps, and whether every LbEndpoint gets
 * metadata.
 */
public record MetadataOptions(
    String namespace,
    List<String> annotationPrefixes,
    List<String> labelKeys,
    int annotationValueCap,
    int entryCap,
    boolean endpointMetadata) {

  public static final String DEFAULT_NAMESPACE = "envoy-gateway";
  public static final String DEFAULT_PREFIX = "gateway.envoyproxy.io/";
  public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  public static final MetadataOptions DEFAULTS =
      new MetadataOptions(DEFAULT_NAMESPACE, List.of(DEFAULT_PREFIX), List.of(), 1024, 4096, false);

  public MetadataOptions {
    Objects.requireNonNull(namespace, "namespace");
    annotationPrefixes = List.copyOf(annotationPrefixes);
    labelKeys = List.copyOf(labelKeys);
    if (annotationValueCap <= 0 || entryCap <= 0) {
      throw new IllegalArgumentException("metadata caps must be positive");
    }
  }

  public MetadataOptions withExtraPrefixes(List<String> prefixes) {
    List<String> all = new java.util.ArrayList<>(annotationPrefixes);
    prefixes.stream().filter(p -> !all.contains(p)).forEach(all::add);
    return new MetadataOptions(
        namespace, all, labelKeys, annotationValueCap, entryCap, endpointMetadata);
  }
}
