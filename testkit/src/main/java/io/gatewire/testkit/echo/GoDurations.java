package io.gatewire.testkit.echo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's duration strings ({@code 1s}, {@code 500ms}, {@code 1m30s}, {@code 1.5s}) as the echo server
 * reads them.
 */
final class GoDurations {
  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
  private static final Map<String, BigDecimal> MILLIS_PER_UNIT =
      Map.of(
          "ns",
          new BigDecimal("0.000001"),
          "us",
          new BigDecimal("0.001"),
          "µs",
          new BigDecimal("0.001"),
          "ms",
          BigDecimal.ONE,
          "s",
          BigDecimal.valueOf(1_000),
          "m",
          BigDecimal.valueOf(60_000),
          "h",
          BigDecimal.valueOf(3_600_000));

  private GoDurations() {}

  /** The duration in whole milliseconds (rounded up); fails on what Go would not parse. */
  static long millis(String text) {
    if (text.equals("0")) {
      return 0;
    }
    Matcher matcher = PART.matcher(text);
    BigDecimal total = BigDecimal.ZERO;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      total =
          total.add(
              new BigDecimal(matcher.group(1)).multiply(MILLIS_PER_UNIT.get(matcher.group(2))));
      end = matcher.end();
    }
    if (end == 0 || end != text.length()) {
      throw new IllegalArgumentException("not a Go duration: " + text);
    }
    return total.setScale(0, RoundingMode.CEILING).longValueExact();
  }
}
