package io.gatewire.adapters.xds.mapping;

import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.gatewire.domain.ir.IrMatch.StringMatch;

/**
 * Exact and RE2 string matchers. RE2 is Envoy's only regex engine, so {@code RegexMatcher} names
 * none ({@code google_re2} is deprecated since API v3.0).
 */
final class StringMatchers {
  private StringMatchers() {}

  static StringMatcher of(StringMatch match) {
    StringMatcher.Builder matcher = StringMatcher.newBuilder();
    return match.regex()
        ? matcher.setSafeRegex(regex(match.value())).build()
        : matcher.setExact(match.value()).build();
  }

  static RegexMatcher regex(String pattern) {
    return RegexMatcher.newBuilder().setRegex(pattern).build();
  }

  /** {@code literal} escaped for RE2. */
  static String quote(String literal) {
    StringBuilder quoted = new StringBuilder(literal.length() + 8);
    for (char c : literal.toCharArray()) {
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        quoted.append('\\');
      }
      quoted.append(c);
    }
    return quoted.toString();
  }
}
