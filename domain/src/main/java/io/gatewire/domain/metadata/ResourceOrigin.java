package io.gatewire.domain.metadata;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One origin object in a metadata {@code resources} list. {@code sectionName} is null when the row
 * of the contract gives none; {@code annotations} holds what passed the filter, prefix stripped,
 * and {@code labels} the labels named with {@code --metadata-label}.
 */
public record ResourceOrigin(
    String kind,
    String groupVersion,
    String namespace,
    String name,
    String sectionName,
    Map<String, String> annotations,
    Map<String, String> labels)
    implements Comparable<ResourceOrigin> {

  private static final Comparator<ResourceOrigin> ORDER =
      Comparator.comparing(ResourceOrigin::kind)
          .thenComparing(ResourceOrigin::namespace)
          .thenComparing(ResourceOrigin::name)
          .thenComparing(
              ResourceOrigin::sectionName, Comparator.nullsFirst(Comparator.naturalOrder()));

  public ResourceOrigin {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(groupVersion, "groupVersion");
    namespace = namespace == null ? "" : namespace;
    Objects.requireNonNull(name, "name");
    annotations = sortedOrEmpty(annotations);
    labels = sortedOrEmpty(labels);
  }

  private static Map<String, String> sortedOrEmpty(Map<String, String> map) {
    return map == null || map.isEmpty()
        ? Map.of()
        : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }

  @Override
  public int compareTo(ResourceOrigin other) {
    return ORDER.compare(this, other);
  }
}
