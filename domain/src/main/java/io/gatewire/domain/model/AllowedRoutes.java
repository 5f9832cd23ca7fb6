package io.gatewire.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * Which routes may attach to a listener: from which namespaces and of which kinds (empty = by
 * protocol).
 */
public record AllowedRoutes(
    From from, Optional<LabelSelector> selector, List<RouteGroupKind> kinds) {
  public static final AllowedRoutes SAME_NAMESPACE =
      new AllowedRoutes(From.SAME, Optional.empty(), List.of());

  public AllowedRoutes {
    selector = selector == null ? Optional.empty() : selector;
    kinds = List.copyOf(kinds);
  }

  /** The {@code namespaces.from} values. */
  public enum From {
    ALL,
    SAME,
    SELECTOR
  }

  /** A route kind with its API group; the group defaults to gateway.networking.k8s.io. */
  public record RouteGroupKind(String group, String kind) {}
}
