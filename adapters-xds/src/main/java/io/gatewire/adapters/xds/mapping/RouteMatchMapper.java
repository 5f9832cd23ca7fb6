package io.gatewire.adapters.xds.mapping;

import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.gatewire.domain.ir.IrMatch;

/**
 * {@link IrMatch} as a RouteMatch. A path prefix matches whole segments, as the Gateway API means
 * it: {@code path_separated_prefix} (which must not end in {@code /}), or plain prefix {@code /}
 * for all.
 */
final class RouteMatchMapper {
  private RouteMatchMapper() {}

  static RouteMatch map(IrMatch match) {
    RouteMatch.Builder builder = RouteMatch.newBuilder();
    switch (match.pathType()) {
      case EXACT -> builder.setPath(match.path());
      case PREFIX -> {
        String segments = segmentPrefix(match.path());
        if (segments.isEmpty()) {
          builder.setPrefix("/");
        } else {
          builder.setPathSeparatedPrefix(segments);
        }
      }
      case REGEX -> builder.setSafeRegex(StringMatchers.regex(match.path()));
    }
    match
        .headers()
        .forEach(
            header ->
                builder.addHeaders(
                    HeaderMatcher.newBuilder()
                        .setName(header.name())
                        .setStringMatch(StringMatchers.of(header))));
    match
        .queryParams()
        .forEach(
            param ->
                builder.addQueryParameters(
                    QueryParameterMatcher.newBuilder()
                        .setName(param.name())
                        .setStringMatch(StringMatchers.of(param))));
    return builder.build();
  }

  /** The prefix without trailing slashes; empty for {@code /}, which matches every path. */
  static String segmentPrefix(String prefix) {
    int end = prefix.length();
    while (end > 0 && prefix.charAt(end - 1) == '/') {
      end--;
    }
    return prefix.substring(0, end);
  }
}
