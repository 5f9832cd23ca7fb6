package io.gatewire.adapters.xds.mapping;

import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatchAndSubstitute;
import io.gatewire.domain.ir.IrMatch;

/**
 * A path rewrite as Envoy takes it: {@code prefix_rewrite} when it gives the Gateway API result,
 * otherwise a {@code regex_rewrite}. Exactly one of the two is set.
 *
 * <p>Replacing a whole-segment prefix must neither double nor drop the slash between the prefix and
 * the rest: {@code /foo} replaced by {@code /} turns {@code /foo/bar} into {@code /bar} (plain
 * prefix_rewrite would give {@code //bar}), and prefix {@code /} replaced by {@code /xyz} turns
 * {@code /bar} into {@code /xyz/bar} (not {@code /xyzbar}).
 */
record PathRewrite(String prefix, RegexMatchAndSubstitute regex) {

  static PathRewrite replacePrefix(IrMatch match, String replacement) {
    if (match.pathType() != IrMatch.PathType.PREFIX) {
      return new PathRewrite(replacement, null);
    }
    String matched = RouteMatchMapper.segmentPrefix(match.path());
    String replaced = RouteMatchMapper.segmentPrefix(replacement);
    if (matched.isEmpty()) {
      return regex("^/", replaced + "/");
    }
    if (replaced.isEmpty()) {
      return regex("^" + StringMatchers.quote(matched) + "/*", "/");
    }
    return new PathRewrite(replaced, null);
  }

  /** The whole path (the query string stays). */
  static PathRewrite replaceFullPath(String path) {
    return regex("^/.*$", path);
  }

  private static PathRewrite regex(String pattern, String substitution) {
    return new PathRewrite(
        null,
        RegexMatchAndSubstitute.newBuilder()
            .setPattern(StringMatchers.regex(pattern))
            .setSubstitution(substitution)
            .build());
  }

  void applyTo(RouteAction.Builder action) {
    if (prefix != null) {
      action.setPrefixRewrite(prefix);
    } else {
      action.setRegexRewrite(regex);
    }
  }

  void applyTo(RedirectAction.Builder action) {
    if (prefix != null) {
      action.setPrefixRewrite(prefix);
    } else {
      action.setRegexRewrite(regex);
    }
  }
}
