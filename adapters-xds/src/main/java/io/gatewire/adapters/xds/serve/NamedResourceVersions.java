package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.cache.ResourceVersionResolver;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The version of one type's resources: of all of them for a wildcard request, or of just the names a
 * client asked for, so that a change to resources a client does not watch is not pushed to it.
 */
final class NamedResourceVersions implements ResourceVersionResolver {
  private final SortedMap<String, String> versionsByName;
  private final String all;

  NamedResourceVersions(SortedMap<String, String> versionsByName) {
    this.versionsByName = versionsByName;
    this.all = ContentVersions.ofSet(versionsByName);
  }

  /** These versions with those of {@code changed} (names already versioned here) in their place. */
  NamedResourceVersions with(Map<String, String> changed) {
    SortedMap<String, String> versions = new TreeMap<>(versionsByName);
    versions.putAll(changed);
    return new NamedResourceVersions(versions);
  }

  @Override
  public String version(List<String> resourceNames) {
    if (resourceNames.isEmpty()) {
      return all;
    }
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
