package io.gatewire.bootstrap.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration flag: a whole number with the unit {@code ms} or {@code s}, such as {@code 20ms}. */
final class DurationFlag implements ITypeConverter<Duration> {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s)");

  @Override
  public Duration convert(String value) {
    Matcher matcher = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration (a whole number with ms or s, such as 20ms)");
    }
    long amount = Long.parseLong(matcher.group(1));
    return matcher.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
  }
}
