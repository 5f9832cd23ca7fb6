package io.gatewire.adapters.xds.mapping;

import java.util.Optional;

/**
 * What a route's name says (docs/metadata.md, "Names"): {@code
 * <kind>/<namespace>/<name>/rule/<i>/match/<j>/<host>}, whose part up to the rule is the name of
 * the rule's cluster. Routes Gatewire adds on its own (a 421 answer) have no rule.
 */
final class RouteNames {
  private static final String MATCH = "/match/";
  private static final String RULE = "/rule/";

  private RouteNames() {}

  /** {@code <kind>/<namespace>/<name>/rule/<i>}, or empty when the route has no rule. */
  static Optional<String> rule(String routeName) {
    int match = routeName.indexOf(MATCH);
    return match < 0 ? Optional.empty() : Optional.of(routeName.substring(0, match));
  }

  /** The rule index, or empty when the route has no rule. */
  static Optional<String> ruleIndex(String routeName) {
    return rule(routeName).map(r -> r.substring(r.lastIndexOf(RULE) + RULE.length()));
  }

  /**
   * The route's stat prefix: its rule with every {@code .} as {@code _}, because Envoy splits stat
   * names at dots (a route named {@code shop.v2} would otherwise break the tag extraction).
   */
  static Optional<String> statPrefix(String routeName) {
    return rule(routeName).map(r -> r.replace('.', '_'));
  }
}
