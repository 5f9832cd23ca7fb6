package io.gatewire.domain.ir;

import java.util.List;

/** What a route does with a request that matched. */
public sealed interface IrAction
    permits IrAction.Forward, IrAction.DirectResponse, IrAction.Redirect {

  /**
   * Send to the rule's cluster. When some backendRefs are invalid, {@code invalidWeight} is their
   * share of the rule's total weight, answered with 500; {@code backendWeight} is the valid share.
   * When a backendRef carries its own filters, {@code splits} names one cluster per valid
   * backendRef (with its weight and header changes) and replaces the rule cluster. Rewrites,
   * timeouts and retry are null when absent; {@code timeout} bounds the whole request, {@code
   * backendTimeout} each attempt to a backend (Gateway API durations). {@code webSocket}: a backend
   * declares WebSocket (appProtocol {@code kubernetes.io/ws}), so the route allows the upgrade
   * whatever the Gateway's default.
   */
  record Forward(
      String cluster,
      long backendWeight,
      long invalidWeight,
      List<Split> splits,
      String hostRewrite,
      String prefixRewrite,
      String fullPathRewrite,
      String timeout,
      String backendTimeout,
      Retry retry,
      List<Mirror> mirrors,
      boolean webSocket)
      implements IrAction {
    public Forward {
      splits = splits == null ? List.of() : List.copyOf(splits);
      mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
    }

    /** A forward to backends that do not declare WebSocket. */
    public Forward(
        String cluster,
        long backendWeight,
        long invalidWeight,
        List<Split> splits,
        String hostRewrite,
        String prefixRewrite,
        String fullPathRewrite,
        String timeout,
        String backendTimeout,
        Retry retry,
        List<Mirror> mirrors) {
      this(
          cluster,
          backendWeight,
          invalidWeight,
          splits,
          hostRewrite,
          prefixRewrite,
          fullPathRewrite,
          timeout,
          backendTimeout,
          retry,
          mirrors,
          false);
    }

    public static Forward to(String cluster) {
      return new Forward(cluster, 1, 0, List.of(), null, null, null, null, null, null, List.of());
    }
  }

  /**
   * One backendRef's own cluster, its weight, and the header changes for requests sent to it alone.
   */
  record Split(
      String cluster,
      long weight,
      IrHeaderChanges requestHeaders,
      IrHeaderChanges responseHeaders) {
    public Split {
      requestHeaders = requestHeaders == null ? IrHeaderChanges.NONE : requestHeaders;
      responseHeaders = responseHeaders == null ? IrHeaderChanges.NONE : responseHeaders;
    }
  }

  /**
   * Retry a failed attempt: at most {@code attempts} retries (null: the proxy's default), on the
   * response {@code codes} and on connection failures, waiting at least {@code backoff} (a Gateway
   * API duration, null for the proxy's default) between attempts.
   */
  record Retry(Integer attempts, List<Integer> codes, String backoff) {
    public Retry {
      codes = List.copyOf(codes);
    }
  }

  /**
   * A request mirror: the cluster and the percentage of requests (100 when the filter names none).
   */
  record Mirror(String cluster, double percent) {}

  /** Answer directly with {@code status}. */
  record DirectResponse(int status) implements IrAction {}

  /**
   * Redirect; null fields keep the request's value. {@code fullPath} and {@code prefix} replace the
   * path.
   */
  record Redirect(
      String scheme, String host, Integer port, String fullPath, String prefix, int status)
      implements IrAction {}
}
