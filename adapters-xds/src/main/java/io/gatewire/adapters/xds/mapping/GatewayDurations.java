package io.gatewire.adapters.xds.mapping;

import com.google.protobuf.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gateway API durations ({@code 10s}, {@code 500ms}, {@code 1h2m}; {@code 0s} disables a timeout).
 */
final class GatewayDurations {
  private static final Pattern WHOLE = Pattern.compile("([0-9]{1,5}(h|ms|m|s)){1,4}");
  private static final Pattern PART = Pattern.compile("([0-9]{1,5})(h|ms|m|s)");

  private GatewayDurations() {}

  static Duration parse(String text) {
    if (!WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException("not a Gateway API duration: " + text);
    }
    long millis = 0;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      millis +=
          switch (part.group(2)) {
            case "h" -> amount * 3_600_000;
            case "m" -> amount * 60_000;
            case "s" -> amount * 1_000;
            default -> amount;
          };
    }
    return Duration.newBuilder()
        .setSeconds(millis / 1_000)
        .setNanos((int) (millis % 1_000) * 1_000_000)
        .build();
  }
}
