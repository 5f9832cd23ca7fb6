package io.gatewire.adapters.xds.routecheck;

import com.google.re2j.Pattern;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Envoy's RouteMatch semantics: path specifier, header matchers, query parameter matchers; regexes
 * are RE2 (re2j).
 */
final class RouteMatching {
  private RouteMatching() {}

  /**
   * Whether {@code match} holds for the request; {@code headers} include {@code :method}, {@code
   * :authority}, {@code :path}, {@code :scheme}.
   */
  static boolean matches(RouteMatch match, String pathWithQuery, Headers headers) {
    String path = pathOnly(pathWithQuery);
    boolean caseSensitive = !match.hasCaseSensitive() || match.getCaseSensitive().getValue();
    if (!pathMatches(match, path, caseSensitive)) {
      return false;
    }
    for (HeaderMatcher header : match.getHeadersList()) {
      if (!headerMatches(header, headers)) {
        return false;
      }
    }
    for (QueryParameterMatcher query : match.getQueryParametersList()) {
      if (!queryMatches(query, pathWithQuery)) {
        return false;
      }
    }
    return true;
  }

  static boolean pathMatches(RouteMatch match, String path, boolean caseSensitive) {
    switch (match.getPathSpecifierCase()) {
      case PREFIX:
        return startsWith(path, match.getPrefix(), caseSensitive);
      case PATH:
        return caseSensitive
            ? path.equals(match.getPath())
            : path.equalsIgnoreCase(match.getPath());
      case PATH_SEPARATED_PREFIX:
        {
          String prefix = match.getPathSeparatedPrefix();
          return startsWith(path, prefix, caseSensitive)
              && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
        }
      case SAFE_REGEX:
        return Pattern.compile(match.getSafeRegex().getRegex()).matcher(path).matches();
      default:
        throw new IllegalArgumentException(
            "route-check does not support path match " + match.getPathSpecifierCase());
    }
  }

  /**
   * A header matcher: the values of a repeated header are joined with {@code ,} before matching; a
   * missing header never matches (also when inverted) unless the matcher asks for absence.
   */
  static boolean headerMatches(HeaderMatcher matcher, Headers headers) {
    String value = headers.joined(matcher.getName());
    boolean result;
    switch (matcher.getHeaderMatchSpecifierCase()) {
      case PRESENT_MATCH:
        result = (value != null) == matcher.getPresentMatch();
        return matcher.getInvertMatch() != result;
      case STRING_MATCH:
        if (value == null) {
          return matcher.getTreatMissingHeaderAsEmpty()
              ? matcher.getInvertMatch() != stringMatches(matcher.getStringMatch(), "")
              : false;
        }
        result = stringMatches(matcher.getStringMatch(), value);
        return matcher.getInvertMatch() != result;
      case EXACT_MATCH:
        return value != null && matcher.getInvertMatch() != value.equals(matcher.getExactMatch());
      case HEADERMATCHSPECIFIER_NOT_SET:
        return matcher.getInvertMatch() != (value != null);
      default:
        throw new IllegalArgumentException(
            "route-check does not support header match " + matcher.getHeaderMatchSpecifierCase());
    }
  }

  /** A query parameter matcher against the first value of the (decoded) parameter. */
  static boolean queryMatches(QueryParameterMatcher matcher, String pathWithQuery) {
    String value = queryParam(pathWithQuery, matcher.getName());
    if (matcher.hasPresentMatch()) {
      return (value != null) == matcher.getPresentMatch();
    }
    return value != null
        && (!matcher.hasStringMatch() || stringMatches(matcher.getStringMatch(), value));
  }

  static boolean stringMatches(StringMatcher matcher, String value) {
    boolean ignoreCase = matcher.getIgnoreCase();
    String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
    switch (matcher.getMatchPatternCase()) {
      case EXACT:
        return v.equals(
            ignoreCase ? matcher.getExact().toLowerCase(Locale.ROOT) : matcher.getExact());
      case PREFIX:
        return v.startsWith(
            ignoreCase ? matcher.getPrefix().toLowerCase(Locale.ROOT) : matcher.getPrefix());
      case SUFFIX:
        return v.endsWith(
            ignoreCase ? matcher.getSuffix().toLowerCase(Locale.ROOT) : matcher.getSuffix());
      case CONTAINS:
        return v.contains(
            ignoreCase ? matcher.getContains().toLowerCase(Locale.ROOT) : matcher.getContains());
      case SAFE_REGEX:
        return Pattern.compile(matcher.getSafeRegex().getRegex()).matcher(value).matches();
      default:
        throw new IllegalArgumentException(
            "route-check does not support string match " + matcher.getMatchPatternCase());
    }
  }

  /** The path without query string or fragment. */
  static String pathOnly(String pathWithQuery) {
    int end = pathWithQuery.length();
    int q = pathWithQuery.indexOf('?');
    int f = pathWithQuery.indexOf('#');
    if (q >= 0) {
      end = q;
    }
    if (f >= 0 && f < end) {
      end = f;
    }
    return pathWithQuery.substring(0, end);
  }

  /** The query string (without {@code ?}), or empty. */
  static String query(String pathWithQuery) {
    int q = pathWithQuery.indexOf('?');
    if (q < 0) {
      return "";
    }
    int f = pathWithQuery.indexOf('#', q);
    return f < 0 ? pathWithQuery.substring(q + 1) : pathWithQuery.substring(q + 1, f);
  }

  /** The first value of query parameter {@code name}, decoded; null when absent. */
  static String queryParam(String pathWithQuery, String name) {
    for (String pair : query(pathWithQuery).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        return eq < 0 ? "" : decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static boolean startsWith(String path, String prefix, boolean caseSensitive) {
    return caseSensitive
        ? path.startsWith(prefix)
        : path.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
