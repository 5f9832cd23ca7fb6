package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.cache.ResourceVersionResolver;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The version of one type's resources: of all of them for a wildcard request, or of just the names
 * a client asked for, so that a change to resources a client does not watch is not pushed to it.
 */
final class NamedResourceVersions implements ResourceVersionResolver {
  /** Distinct name lists remembered per snapshot; past it the memory starts over. */
  private static final int MAX_REMEMBERED_SUBSETS = 256;

  private final SortedMap<String, String> versionsByName;
  private final String all;

  /**
   * Versions of name lists already asked for. Every stream of a node group asks the same names (all
   * of a listener's routes, all of its clusters' endpoints), and the cache asks on every request
   * and every response: hashing them once per snapshot instead of once per stream keeps a push to
   * many streams from hashing the same set again and again.
   */
  private final Map<List<String>, String> subsets = new ConcurrentHashMap<>();

  NamedResourceVersions(SortedMap<String, String> versionsByName) {
    this.versionsByName = versionsByName;
    this.all = ContentVersions.ofSet(versionsByName);
  }

  @Override
  public String version(List<String> resourceNames) {
    if (resourceNames.isEmpty()) {
      return all;
    }
    String known = subsets.get(resourceNames);
    if (known != null) {
      return known;
    }
    if (subsets.size() >= MAX_REMEMBERED_SUBSETS) {
      subsets.clear();
    }
    String version = subsetVersion(resourceNames);
    subsets.put(List.copyOf(resourceNames), version);
    return version;
  }

  private String subsetVersion(List<String> resourceNames) {
    SortedMap<String, String> requested = new TreeMap<>();
    for (String name : resourceNames) {
      String version = versionsByName.get(name);
      if (version != null) {
        requested.put(name, version);
      }
    }
    return ContentVersions.ofSet(requested);
  }
}
