package io.gatewire.bootstrap.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A size flag: a number of bytes, or a number with a binary suffix {@code Ki}, {@code Mi} or {@code
 * Gi}.
 */
final class ByteSize implements ITypeConverter<Long> {
  private static final String[] SUFFIXES = {"ki", "mi", "gi"};

  @Override
  public Long convert(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    for (int i = 0; i < SUFFIXES.length; i++) {
      if (text.endsWith(SUFFIXES[i])) {
        unit = 1L << (10 * (i + 1));
        text = text.substring(0, text.length() - 2);
      }
    }
    try {
      return Math.multiplyExact(Long.parseLong(text), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a size (bytes, or a number with Ki, Mi or Gi)");
    }
  }
}
