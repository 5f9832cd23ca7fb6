package io.gatewire.adapters.xds.routecheck;

import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatchAndSubstitute;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Envoy's path rewrites: {@code prefix_rewrite} and {@code regex_rewrite}; the query string stays.
 */
final class PathRewrites {
  private PathRewrites() {}

  /**
   * {@code prefix_rewrite}: the part of the path the route matched ({@code prefix}, {@code
   * path_separated_prefix} or the whole {@code path}) is replaced.
   */
  static String prefix(RouteMatch match, String pathWithQuery, String replacement) {
    String path = RouteMatching.pathOnly(pathWithQuery);
    String rest = pathWithQuery.substring(path.length());
    int matched;
    switch (match.getPathSpecifierCase()) {
      case PREFIX:
        matched = match.getPrefix().length();
        break;
      case PATH_SEPARATED_PREFIX:
        matched = match.getPathSeparatedPrefix().length();
        break;
      default:
        matched = path.length();
    }
    return replacement + path.substring(matched) + rest;
  }

  /**
   * {@code regex_rewrite}: every match in the path is substituted ({@code \N} names a group, as in
   * RE2).
   */
  static String regex(RegexMatchAndSubstitute rewrite, String pathWithQuery) {
    String path = RouteMatching.pathOnly(pathWithQuery);
    String rest = pathWithQuery.substring(path.length());
    Matcher matcher = Pattern.compile(rewrite.getPattern().getRegex()).matcher(path);
    return matcher.replaceAll(javaReplacement(rewrite.getSubstitution())) + rest;
  }

  private static String javaReplacement(String re2) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < re2.length(); i++) {
      char c = re2.charAt(i);
      if (c == '\\' && i + 1 < re2.length() && Character.isDigit(re2.charAt(i + 1))) {
        out.append('$').append(re2.charAt(++i));
      } else if (c == '\\' && i + 1 < re2.length() && re2.charAt(i + 1) == '\\') {
        out.append("\\\\");
        i++;
      } else if (c == '$' || c == '\\') {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
