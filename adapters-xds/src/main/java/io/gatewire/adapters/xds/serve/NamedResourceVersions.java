package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.cache.ResourceVersionResolver;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The version of one type's resources: of all of them for a wildcard request, or of just the names
 * a client asked for, so that a change to resources a client does not watch is not pushed to it.
 * Versions are {@link SetDigest}s of the (name, version) pairs, so the next publish's versions are
 * made from these by replacing the pairs that changed ({@link #with}), for all resources and for
 * every name list asked for so far alike, without walking the others.
 */
final class NamedResourceVersions implements ResourceVersionResolver {
  /** Distinct name lists remembered per snapshot; past it the memory starts over. */
  private static final int MAX_REMEMBERED_SUBSETS = 256;

  private final SortedMap<String, String> versionsByName;
  private final SetDigest all;
  private final String allVersion;

  /**
   * Versions of name lists already asked for. Every stream of a node group asks the same names (all
   * of a listener's routes, all of its clusters' endpoints), and the cache asks on every request
   * and every response: hashing them once, and updating them with each publish, instead of once per
   * stream keeps a push to many streams from hashing the same set again and again.
   */
  private final Map<List<String>, Subset> subsets;

  /** A name list asked for: its names and the digest of their pairs. */
  private record Subset(Set<String> names, SetDigest digest, String version) {}

  NamedResourceVersions(SortedMap<String, String> versionsByName) {
    this.versionsByName = versionsByName;
    MessageDigest sha256 = ContentVersions.sha256();
    SetDigest digest = SetDigest.EMPTY;
    for (Map.Entry<String, String> entry : versionsByName.entrySet()) {
      digest = digest.plus(SetDigest.of(sha256, entry.getKey(), entry.getValue()));
    }
    this.all = digest;
    this.allVersion = digest.version();
    this.subsets = new ConcurrentHashMap<>();
  }

  private NamedResourceVersions(
      SortedMap<String, String> versionsByName, SetDigest all, Map<List<String>, Subset> subsets) {
    this.versionsByName = versionsByName;
    this.all = all;
    this.allVersion = all.version();
    this.subsets = subsets;
  }

  /**
   * The versions of {@code next}, which holds the same pairs as these but for those of {@code
   * changed} names (replaced, added or removed): made from these, hashing only those pairs.
   */
  NamedResourceVersions with(SortedMap<String, String> next, Collection<String> changed) {
    MessageDigest sha256 = ContentVersions.sha256();
    SetDigest allNext = all;
    Map<String, SetDigest> deltas = new HashMap<>();
    for (String name : changed) {
      String before = versionsByName.get(name);
      String after = next.get(name);
      if (Objects.equals(before, after) || deltas.containsKey(name)) {
        continue;
      }
      SetDigest delta = SetDigest.EMPTY;
      if (before != null) {
        delta = delta.minus(SetDigest.of(sha256, name, before));
      }
      if (after != null) {
        delta = delta.plus(SetDigest.of(sha256, name, after));
      }
      deltas.put(name, delta);
      allNext = allNext.plus(delta);
    }
    Map<List<String>, Subset> subsetsNext = new ConcurrentHashMap<>();
    subsets.forEach(
        (names, subset) -> {
          SetDigest digest = subset.digest();
          for (Map.Entry<String, SetDigest> delta : deltas.entrySet()) {
            if (subset.names().contains(delta.getKey())) {
              digest = digest.plus(delta.getValue());
            }
          }
          subsetsNext.put(
              names,
              digest.equals(subset.digest())
                  ? subset
                  : new Subset(subset.names(), digest, digest.version()));
        });
    return new NamedResourceVersions(next, allNext, subsetsNext);
  }

  @Override
  public String version(List<String> resourceNames) {
    if (resourceNames.isEmpty()) {
      return allVersion;
    }
    Subset known = subsets.get(resourceNames);
    if (known != null) {
      return known.version();
    }
    if (subsets.size() >= MAX_REMEMBERED_SUBSETS) {
      subsets.clear();
    }
    Subset subset = subset(resourceNames);
    subsets.put(List.copyOf(resourceNames), subset);
    return subset.version();
  }

  private Subset subset(List<String> resourceNames) {
    MessageDigest sha256 = ContentVersions.sha256();
    Set<String> names = new HashSet<>(resourceNames);
    SetDigest digest = SetDigest.EMPTY;
    for (String name : names) {
      String version = versionsByName.get(name);
      if (version != null) {
        digest = digest.plus(SetDigest.of(sha256, name, version));
      }
    }
    return new Subset(Set.copyOf(names), digest, digest.version());
  }
}
