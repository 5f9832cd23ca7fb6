package io.gatewire.adapters.xds.serve;

import com.google.common.collect.Maps;
import com.google.protobuf.Message;
import io.envoyproxy.controlplane.cache.ResourceVersionResolver;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.SnapshotResources;
import io.envoyproxy.controlplane.cache.VersionedResource;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One type's resources of a snapshot, sorted by name, with their versions ({@link
 * NamedResourceVersions}). The next publish's resources of the type are made from these by
 * replacing the few that changed ({@link #with}): a copy of a sorted map, without sorting or naming
 * the others again.
 */
final class SortedResources<M extends Message> extends SnapshotResources<M> {
  private final SortedMap<String, VersionedResource<M>> versioned;
  private final Map<String, M> resources;
  private final NamedResourceVersions versions;

  /** Shared by resources that have the same names: made from one another without a new name. */
  private final Object names;

  private SortedResources(TreeMap<String, VersionedResource<M>> versioned, Object names) {
    this.versioned = Collections.unmodifiableSortedMap(versioned);
    this.names = names;
    this.resources = Maps.transformValues(this.versioned, VersionedResource::resource);
    this.versions =
        new NamedResourceVersions(Maps.transformValues(this.versioned, VersionedResource::version));
  }

  /** {@code all}, by name. */
  static <M extends Message> SortedResources<M> of(List<VersionedResource<M>> all) {
    TreeMap<String, VersionedResource<M>> byName = new TreeMap<>();
    all.forEach(r -> byName.put(Resources.getResourceName(r.resource()), r));
    return new SortedResources<>(byName, new Object());
  }

  /** These resources with {@code changed} in place of those of the same names. */
  SortedResources<M> with(List<VersionedResource<M>> changed) {
    TreeMap<String, VersionedResource<M>> byName = new TreeMap<>(versioned);
    boolean sameNames = true;
    for (VersionedResource<M> r : changed) {
      sameNames &= byName.put(Resources.getResourceName(r.resource()), r) != null;
    }
    return new SortedResources<>(byName, sameNames ? names : new Object());
  }

  /**
   * Whether {@code other} is known to hold resources of the same names as these: made from one
   * another by replacing resources, never adding one. False says nothing.
   */
  boolean sameNamesAs(SnapshotResources<?> other) {
    return other instanceof SortedResources<?> sorted && sorted.names == names;
  }

  @Override
  public Map<String, VersionedResource<M>> versionedResources() {
    return versioned;
  }

  @Override
  public Map<String, M> resources() {
    return resources;
  }

  @Override
  public ResourceVersionResolver resourceVersionResolver() {
    return versions;
  }
}
