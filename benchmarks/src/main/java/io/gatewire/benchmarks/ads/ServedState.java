package io.gatewire.benchmarks.ads;

import java.util.Map;

/**
 * What a node group is served at one moment, as a client that follows it should end up holding: per
 * type URL, the version a state-of-the-world response carries for every resource of the type, and
 * each resource's own version (what delta responses carry).
 */
record ServedState(
    Map<String, String> typeVersions, Map<String, Map<String, String>> resourceVersions) {
  ServedState {
    typeVersions = Map.copyOf(typeVersions);
    resourceVersions = Map.copyOf(resourceVersions);
  }
}
