package io.gatewire.domain.translate;

import java.util.Comparator;

/**
 * The Gateway API order of matches across all rules of all routes on one host: Exact path, then
 * RegularExpression, then the longest PathPrefix; then a method match; then most headers; then most
 * query params; ties go to the oldest route (by second), then {@code namespace/name}, then rule and
 * match order. Envoy takes the first matching route, so routes are emitted in this order.
 */
record Precedence(
    int pathKind,
    int pathLength,
    boolean method,
    int headers,
    int queryParams,
    long createdSecond,
    String routeName,
    int rule,
    int match)
    implements Comparable<Precedence> {

  static final int EXACT = 0;
  static final int REGEX = 1;
  static final int PREFIX = 2;

  private static final Comparator<Precedence> ORDER =
      Comparator.comparingInt(Precedence::pathKind)
          .thenComparing(Comparator.comparingInt(Precedence::pathLength).reversed())
          .thenComparing(p -> !p.method())
          .thenComparing(Comparator.comparingInt(Precedence::headers).reversed())
          .thenComparing(Comparator.comparingInt(Precedence::queryParams).reversed())
          .thenComparingLong(Precedence::createdSecond)
          .thenComparing(Precedence::routeName)
          .thenComparingInt(Precedence::rule)
          .thenComparingInt(Precedence::match);

  @Override
  public int compareTo(Precedence other) {
    return ORDER.compare(this, other);
  }
}
