package io.gatewire.domain.translate;

import java.util.Optional;

/**
 * Which regular expressions the proxy accepts in a route's RegularExpression path, header and query
 * matches. A rule with a pattern the proxy would refuse is dropped (the route is PartiallyInvalid,
 * reason UnsupportedValue) instead of being sent, since a refused pattern makes the proxy reject
 * the whole configuration. The dialect is the sink's concern (Envoy's is RE2 with a program size
 * limit, in {@code adapters-xds}); {@link #conservative()} is the default when nothing else is
 * wired.
 */
@FunctionalInterface
public interface RegexDialect {
  /**
   * Why the proxy would refuse {@code pattern}, as a phrase after the pattern; nothing when it
   * accepts it.
   */
  Optional<String> problem(String pattern);

  /** The translator's default: a hand check of syntax RE2 lacks; see {@link ConservativeRegex}. */
  static RegexDialect conservative() {
    return ConservativeRegex.INSTANCE;
  }
}
