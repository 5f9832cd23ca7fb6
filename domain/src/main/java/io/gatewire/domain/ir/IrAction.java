package io.gatewire.domain.ir;

import java.util.List;

/** What a route does with a request that matched. */
public sealed interface IrAction permits IrAction.Forward, IrAction.DirectResponse, IrAction.Redirect {

  /**
   * Send to the rule's cluster. When some backendRefs are invalid, {@code invalidWeight} is their
   * share of the rule's total weight, answered with 500; {@code backendWeight} is the valid share.
   * Rewrites and timeouts are null when absent; {@code timeout} bounds the whole request,
   * {@code backendTimeout} each attempt to a backend (Gateway API durations).
   */
  record Forward(String cluster, long backendWeight, long invalidWeight, String hostRewrite, String prefixRewrite,
      String fullPathRewrite, String timeout, String backendTimeout, List<Mirror> mirrors) implements IrAction {
    public Forward {
      mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
    }

    public static Forward to(String cluster) {
      return new Forward(cluster, 1, 0, null, null, null, null, null, List.of());
    }
  }

  /** A request mirror: the cluster and the percentage of requests (100 when the filter names none). */
  record Mirror(String cluster, double percent) {}

  /** Answer directly with {@code status}. */
  record DirectResponse(int status) implements IrAction {}

  /** Redirect; null fields keep the request's value. {@code fullPath} and {@code prefix} replace the path. */
  record Redirect(String scheme, String host, Integer port, String fullPath, String prefix, int status)
      implements IrAction {}
}
