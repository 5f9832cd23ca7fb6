package io.gatewire.adapters.xds.mapping;

import com.google.protobuf.BoolValue;
import com.google.protobuf.Duration;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.core.v3.RuntimeFractionalPercent;
import io.envoyproxy.envoy.config.route.v3.DirectResponseAction;
import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import io.envoyproxy.envoy.config.route.v3.RedirectAction.RedirectResponseCode;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteAction.ClusterNotFoundResponseCode;
import io.envoyproxy.envoy.config.route.v3.RouteAction.RequestMirrorPolicy;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster.ClusterWeight;
import io.envoyproxy.envoy.type.v3.FractionalPercent;
import io.envoyproxy.envoy.type.v3.FractionalPercent.DenominatorType;
import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * What a route does: forward to a cluster, answer directly, or redirect. Mirrors keep the request's
 * Host (no {@code -shadow} suffix), so a mirror backend with virtual hosting sees the real host; a
 * route to a WebSocket backend allows the upgrade even where the Gateway's default does not.
 */
final class RouteActionMapper {
  /**
   * The cluster that takes the invalid backendRefs' share of a rule's weight. It never exists, so
   * Envoy answers that share with {@code cluster_not_found_response_code}: 500, as the Gateway API
   * requires.
   */
  static final String INVALID_BACKEND_CLUSTER = "gatewire/invalid-backend";

  /** The retry_on conditions for attempts that got no response, added to every configured retry. */
  private static final List<String> RETRY_ON_NO_RESPONSE =
      List.of("connect-failure", "refused-stream", "reset");

  private RouteActionMapper() {}

  static void apply(IrAction action, IrMatch match, Route.Builder route) {
    if (action instanceof IrAction.Forward forward) {
      route.setRoute(forward(forward, match));
    } else if (action instanceof IrAction.DirectResponse direct) {
      route.setDirectResponse(DirectResponseAction.newBuilder().setStatus(direct.status()));
    } else if (action instanceof IrAction.Redirect redirect) {
      route.setRedirect(redirect(redirect, match));
    } else {
      throw new IllegalArgumentException("unknown route action " + action);
    }
  }

  private static RouteAction forward(IrAction.Forward forward, IrMatch match) {
    RouteAction.Builder action = RouteAction.newBuilder();
    if (forward.invalidWeight() == 0 && forward.splits().isEmpty()) {
      action.setCluster(forward.cluster());
    } else {
      WeightedCluster.Builder weighted = WeightedCluster.newBuilder();
      if (!forward.splits().isEmpty()) {
        forward.splits().forEach(split -> weighted.addClusters(weight(split)));
      } else if (forward.backendWeight() > 0) {
        weighted.addClusters(weight(forward.cluster(), forward.backendWeight()));
      }
      if (forward.invalidWeight() > 0) {
        weighted.addClusters(weight(INVALID_BACKEND_CLUSTER, forward.invalidWeight()));
        action.setClusterNotFoundResponseCode(ClusterNotFoundResponseCode.INTERNAL_SERVER_ERROR);
      }
      action.setWeightedClusters(weighted);
    }
    if (forward.hostRewrite() != null) {
      action.setHostRewriteLiteral(forward.hostRewrite());
    }
    if (forward.prefixRewrite() != null) {
      PathRewrite.replacePrefix(match, forward.prefixRewrite()).applyTo(action);
    }
    if (forward.fullPathRewrite() != null) {
      PathRewrite.replaceFullPath(forward.fullPathRewrite()).applyTo(action);
    }
    if (forward.timeout() != null) {
      action.setTimeout(GatewayDurations.parse(forward.timeout()));
    }
    if (forward.backendTimeout() != null || forward.retry() != null) {
      action.setRetryPolicy(retryPolicy(forward));
    }
    forward
        .mirrors()
        .forEach(
            mirror ->
                action.addRequestMirrorPolicies(
                    RequestMirrorPolicy.newBuilder()
                        .setCluster(mirror.cluster())
                        .setDisableShadowHostSuffixAppend(true)
                        .setRuntimeFraction(
                            RuntimeFractionalPercent.newBuilder()
                                .setDefaultValue(percent(mirror.percent())))));
    if (forward.webSocket()) {
      action.addUpgradeConfigs(
          RouteAction.UpgradeConfig.newBuilder()
              .setUpgradeType(HttpProtections.WEBSOCKET)
              .setEnabled(BoolValue.of(true)));
    }
    return action.build();
  }

  /**
   * The retry policy of a rule. Envoy applies per_try_timeout to the first attempt too; without a
   * retry, no retry_on means no retries. With one, Gatewire retries the listed status codes and, as
   * the Gateway API allows, attempts that got no response (connect-failure, refused-stream, reset,
   * which includes a per-try timeout); {@code attempts} is the most retries after the first
   * attempt, as in Envoy's num_retries. A backoff of zero keeps Envoy's default (base_interval must
   * be positive).
   */
  private static RetryPolicy retryPolicy(IrAction.Forward forward) {
    RetryPolicy.Builder policy = RetryPolicy.newBuilder();
    if (forward.backendTimeout() != null) {
      policy.setPerTryTimeout(GatewayDurations.parse(forward.backendTimeout()));
    }
    IrAction.Retry retry = forward.retry();
    if (retry == null) {
      return policy.build();
    }
    List<String> on = new ArrayList<>(RETRY_ON_NO_RESPONSE);
    if (!retry.codes().isEmpty()) {
      on.add(0, "retriable-status-codes");
      retry.codes().forEach(policy::addRetriableStatusCodes);
    }
    policy.setRetryOn(String.join(",", on));
    if (retry.attempts() != null) {
      policy.setNumRetries(UInt32Value.of(retry.attempts()));
    }
    if (retry.backoff() != null) {
      Duration base = GatewayDurations.parse(retry.backoff());
      if (base.getSeconds() > 0 || base.getNanos() > 0) {
        policy.setRetryBackOff(RetryPolicy.RetryBackOff.newBuilder().setBaseInterval(base));
      }
    }
    return policy.build();
  }

  private static ClusterWeight weight(IrAction.Split split) {
    ClusterWeight.Builder weight =
        ClusterWeight.newBuilder()
            .setName(split.cluster())
            .setWeight(UInt32Value.of(Math.toIntExact(split.weight())))
            .addAllRequestHeadersToAdd(HeaderMutations.toAdd(split.requestHeaders()))
            .addAllRequestHeadersToRemove(split.requestHeaders().remove())
            .addAllResponseHeadersToAdd(HeaderMutations.toAdd(split.responseHeaders()))
            .addAllResponseHeadersToRemove(split.responseHeaders().remove());
    return weight.build();
  }

  private static ClusterWeight weight(String cluster, long weight) {
    return ClusterWeight.newBuilder()
        .setName(cluster)
        .setWeight(UInt32Value.of(Math.toIntExact(weight)))
        .build();
  }

  /** A whole percentage out of a hundred; a fractional one out of a million. */
  static FractionalPercent percent(double percent) {
    if (percent == Math.rint(percent)) {
      return FractionalPercent.newBuilder()
          .setNumerator((int) percent)
          .setDenominator(DenominatorType.HUNDRED)
          .build();
    }
    return FractionalPercent.newBuilder()
        .setNumerator((int) Math.round(percent * 10_000))
        .setDenominator(DenominatorType.MILLION)
        .build();
  }

  private static RedirectAction redirect(IrAction.Redirect redirect, IrMatch match) {
    RedirectAction.Builder action =
        RedirectAction.newBuilder().setResponseCode(responseCode(redirect.status()));
    if (redirect.scheme() != null) {
      action.setSchemeRedirect(redirect.scheme());
    }
    if (redirect.host() != null) {
      action.setHostRedirect(redirect.host());
    }
    if (redirect.port() != null) {
      action.setPortRedirect(redirect.port());
    }
    if (redirect.fullPath() != null) {
      action.setPathRedirect(redirect.fullPath());
    }
    if (redirect.prefix() != null) {
      PathRewrite.replacePrefix(match, redirect.prefix()).applyTo(action);
    }
    return action.build();
  }

  static RedirectResponseCode responseCode(int status) {
    return switch (status) {
      case 301 -> RedirectResponseCode.MOVED_PERMANENTLY;
      case 302 -> RedirectResponseCode.FOUND;
      case 303 -> RedirectResponseCode.SEE_OTHER;
      case 307 -> RedirectResponseCode.TEMPORARY_REDIRECT;
      case 308 -> RedirectResponseCode.PERMANENT_REDIRECT;
      default ->
          throw new IllegalArgumentException("not a redirect status Envoy supports: " + status);
    };
  }
}
