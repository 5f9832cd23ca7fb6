package io.gatewire.adapters.xds.serve;

import com.google.common.collect.Maps;
import com.google.protobuf.Message;
import io.envoyproxy.controlplane.cache.ResourceVersionResolver;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.SnapshotResources;
import io.envoyproxy.controlplane.cache.VersionedResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One type's resources of a snapshot, sorted by name, with their versions ({@link
 * NamedResourceVersions}). The next publish's resources of the type are made from these by
 * replacing the few that changed ({@link #with}): a copy of a sorted map, without sorting or naming
 * the others again; the versions of the type are updated by the pairs that changed, there and when
 * the next resources are made from a new list ({@link #of(List, SortedResources)}).
 */
final class SortedResources<M extends Message> extends SnapshotResources<M> {
  private final SortedMap<String, VersionedResource<M>> versioned;
  private final Map<String, M> resources;
  private final NamedResourceVersions versions;

  /** Shared by resources that have the same names: made from one another without a new name. */
  private final Object names;

  private SortedResources(
      TreeMap<String, VersionedResource<M>> versioned,
      Object names,
      SortedResources<M> previous,
      Collection<String> changed) {
    this.versioned = Collections.unmodifiableSortedMap(versioned);
    this.names = names;
    this.resources = Maps.transformValues(this.versioned, VersionedResource::resource);
    SortedMap<String, String> versionsByName =
        Maps.transformValues(this.versioned, VersionedResource::version);
    this.versions =
        previous == null
            ? new NamedResourceVersions(versionsByName)
            : previous.versions.with(versionsByName, changed);
  }

  /** {@code all}, by name. */
  static <M extends Message> SortedResources<M> of(List<VersionedResource<M>> all) {
    return new SortedResources<>(byName(all), new Object(), null, null);
  }

  /**
   * {@code all}, by name, versioned from {@code previous} (null: none) where they hold the same
   * versions: the two are walked side by side in name order, and only the pairs that differ are
   * hashed.
   */
  static <M extends Message> SortedResources<M> of(
      List<VersionedResource<M>> all, SortedResources<M> previous) {
    TreeMap<String, VersionedResource<M>> byName = byName(all);
    if (previous == null) {
      return new SortedResources<>(byName, new Object(), null, null);
    }
    List<String> changed = new ArrayList<>();
    Iterator<Map.Entry<String, VersionedResource<M>>> before =
        previous.versioned.entrySet().iterator();
    Iterator<Map.Entry<String, VersionedResource<M>>> after = byName.entrySet().iterator();
    Map.Entry<String, VersionedResource<M>> was = before.hasNext() ? before.next() : null;
    Map.Entry<String, VersionedResource<M>> is = after.hasNext() ? after.next() : null;
    while (was != null || is != null) {
      int order = was == null ? 1 : is == null ? -1 : was.getKey().compareTo(is.getKey());
      if (order < 0) {
        changed.add(was.getKey());
        was = before.hasNext() ? before.next() : null;
      } else if (order > 0) {
        changed.add(is.getKey());
        is = after.hasNext() ? after.next() : null;
      } else {
        if (!was.getValue().version().equals(is.getValue().version())) {
          changed.add(is.getKey());
        }
        was = before.hasNext() ? before.next() : null;
        is = after.hasNext() ? after.next() : null;
      }
    }
    return new SortedResources<>(byName, new Object(), previous, changed);
  }

  private static <M extends Message> TreeMap<String, VersionedResource<M>> byName(
      List<VersionedResource<M>> all) {
    TreeMap<String, VersionedResource<M>> byName = new TreeMap<>();
    all.forEach(r -> byName.put(Resources.getResourceName(r.resource()), r));
    return byName;
  }

  /** These resources with {@code changed} in place of those of the same names. */
  SortedResources<M> with(List<VersionedResource<M>> changed) {
    TreeMap<String, VersionedResource<M>> byName = new TreeMap<>(versioned);
    boolean sameNames = true;
    List<String> changedNames = new ArrayList<>(changed.size());
    for (VersionedResource<M> r : changed) {
      String name = Resources.getResourceName(r.resource());
      changedNames.add(name);
      sameNames &= byName.put(name, r) != null;
    }
    return new SortedResources<>(byName, sameNames ? names : new Object(), this, changedNames);
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
