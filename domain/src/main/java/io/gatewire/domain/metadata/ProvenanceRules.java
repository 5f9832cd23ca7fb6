package io.gatewire.domain.metadata;

import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.status.Warning;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The metadata contract as one table: which origin objects each xDS object names, and with which
 * sectionName. Each {@link Row} is one row of docs/metadata.md; each method below implements one
 * row and says which. Annotations and labels pass through {@link MetadataOptions}; what a cap drops
 * is reported to the warning sink, never silently.
 */
public final class ProvenanceRules {

  /** The rows of the contract, in the order of its table. */
  public enum Row {
    /** VirtualHost: one entry per Gateway listener contributing it; sectionName = listener name. */
    VIRTUAL_HOST,
    /** Route: the HTTPRoute/GRPCRoute; sectionName = rule name when set. */
    ROUTE,
    /** Cluster of a route rule: that route; sectionName = rule name when set. */
    RULE_CLUSTER,
    /**
     * LocalityLbEndpoints: the backend; Service/ServiceImport sectionName = port number, Backend
     * none.
     */
    BACKEND_LOCALITY,
    /** Cluster shared by several origins: every origin once. */
    SHARED_CLUSTER,
    /** Listener, FilterChain, RouteConfiguration: no metadata, on purpose. */
    LISTENER_NONE
  }

  private final MetadataOptions options;
  private final Consumer<Warning> warnings;

  public ProvenanceRules(MetadataOptions options, Consumer<Warning> warnings) {
    this.options = options;
    this.warnings = warnings;
  }

  public MetadataOptions options() {
    return options;
  }

  /**
   * Row {@link Row#VIRTUAL_HOST}: each (Gateway, listener name) that contributes the virtual host.
   */
  public ResourceMetadata virtualHost(List<Map.Entry<ObjectMeta, String>> gatewayListeners) {
    List<ResourceOrigin> origins = new ArrayList<>();
    for (Map.Entry<ObjectMeta, String> e : gatewayListeners) {
      origins.add(origin(e.getKey(), e.getValue()));
    }
    return new ResourceMetadata(origins);
  }

  /** Row {@link Row#ROUTE}: the route, with the rule's name as sectionName when it has one. */
  public ResourceMetadata route(ObjectMeta route, Optional<String> ruleName) {
    return ResourceMetadata.of(origin(route, ruleName.orElse(null)));
  }

  /**
   * Row {@link Row#RULE_CLUSTER}: the cluster of one route rule names that route (and rule name).
   */
  public ResourceMetadata ruleCluster(ObjectMeta route, Optional<String> ruleName) {
    return route(route, ruleName);
  }

  /** Row {@link Row#SHARED_CLUSTER}: a cluster reached from several origins names each once. */
  public static ResourceMetadata sharedCluster(List<ResourceMetadata> origins) {
    return origins.stream().reduce(ResourceMetadata.NONE, ResourceMetadata::union);
  }

  /**
   * Row {@link Row#BACKEND_LOCALITY}: the backend of one backendRef. Service and ServiceImport name
   * the port number as sectionName; a Backend names none.
   */
  public ResourceMetadata backendLocality(ObjectMeta backend, OptionalInt port) {
    boolean hasPortSection = !"Backend".equals(backend.kind()) && port.isPresent();
    return ResourceMetadata.of(
        origin(backend, hasPortSection ? Integer.toString(port.getAsInt()) : null));
  }

  /**
   * Row {@link Row#LISTENER_NONE}: listeners, filter chains and route configurations carry none.
   */
  public static ResourceMetadata listener() {
    return ResourceMetadata.NONE;
  }

  /**
   * One origin entry for an object, with its annotations and labels filtered. Annotations come
   * first: both share the entry cap, and a value over the per-value cap is dropped whatever it is.
   */
  public ResourceOrigin origin(ObjectMeta meta, String sectionName) {
    int[] entryBytes = {0};
    Map<String, String> annotations = filterAnnotations(meta, entryBytes);
    Map<String, String> labels = new TreeMap<>();
    for (String key : options.labelKeys()) {
      String value = meta.labels().get(key);
      if (value != null && fits(meta, "label", key, key, value, entryBytes)) {
        labels.put(key, value);
      }
    }
    return new ResourceOrigin(
        meta.kind(),
        meta.groupVersion(),
        meta.namespace(),
        meta.name(),
        sectionName,
        annotations,
        labels);
  }

  private Map<String, String> filterAnnotations(ObjectMeta meta, int[] entryBytes) {
    Map<String, String> passed = new TreeMap<>();
    for (Map.Entry<String, String> e : meta.annotations().entrySet()) {
      String key = e.getKey();
      if (key.equals(MetadataOptions.LAST_APPLIED)) {
        continue;
      }
      Optional<String> prefix =
          options.annotationPrefixes().stream().filter(key::startsWith).findFirst();
      if (prefix.isEmpty()) {
        continue;
      }
      String value = e.getValue() == null ? "" : e.getValue();
      String stripped = key.substring(prefix.get().length());
      if (fits(meta, "annotation", key, stripped, value, entryBytes)) {
        passed.put(stripped, value);
      }
    }
    return passed;
  }

  /**
   * Whether {@code value} under {@code emittedKey} fits the per-value cap and what is left of the
   * entry cap ({@code entryBytes} so far, counted up when it fits); a warning names what does not.
   */
  private boolean fits(
      ObjectMeta meta, String what, String key, String emittedKey, String value, int[] entryBytes) {
    int valueBytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (valueBytes > options.annotationValueCap()) {
      warnings.accept(
          new Warning(
              meta.ref(),
              what
                  + " "
                  + key
                  + " not propagated to metadata: value is "
                  + valueBytes
                  + " bytes, over the cap of "
                  + options.annotationValueCap()));
      return false;
    }
    int size = emittedKey.getBytes(StandardCharsets.UTF_8).length + valueBytes;
    if (entryBytes[0] + size > options.entryCap()) {
      warnings.accept(
          new Warning(
              meta.ref(),
              what
                  + " "
                  + key
                  + " not propagated to metadata: the entry"
                  + " would exceed the cap of "
                  + options.entryCap()
                  + " bytes"));
      return false;
    }
    entryBytes[0] += size;
    return true;
  }
}
