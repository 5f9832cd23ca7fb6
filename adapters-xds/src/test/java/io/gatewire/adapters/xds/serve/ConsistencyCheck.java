package io.gatewire.adapters.xds.serve;

import io.gatewire.adapters.xds.XdsResources;
import java.util.List;

/**
 * {@link SnapshotConsistency} for other modules' tests: what a snapshot of these resources would
 * leave dangling.
 */
public final class ConsistencyCheck {
  private ConsistencyCheck() {}

  public static List<String> violations(XdsResources resources) {
    return SnapshotConsistency.violations(resources);
  }
}
