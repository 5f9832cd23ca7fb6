package io.gatewire.domain.metadata;

import java.util.List;
import java.util.TreeSet;

/** The {@code resources} list of an xDS object's metadata: its origins, sorted, each once. */
public record ResourceMetadata(List<ResourceOrigin> resources) {
  public static final ResourceMetadata NONE = new ResourceMetadata(List.of());

  public ResourceMetadata {
    resources = List.copyOf(new TreeSet<>(resources));
  }

  public static ResourceMetadata of(ResourceOrigin... origins) {
    return new ResourceMetadata(List.of(origins));
  }

  public boolean isEmpty() {
    return resources.isEmpty();
  }

  /** Both lists of origins, each once. */
  public ResourceMetadata union(ResourceMetadata other) {
    TreeSet<ResourceOrigin> all = new TreeSet<>(resources);
    all.addAll(other.resources);
    return new ResourceMetadata(List.copyOf(all));
  }
}
