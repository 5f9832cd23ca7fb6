package io.gatewire.domain.settings;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of Envoy's access log format strings, checked before anything reaches Envoy: text with
 * command operators {@code %NAME%}, {@code %NAME(ARGUMENTS)%} or either followed by {@code
 * :LENGTH}, and {@code %%} for a literal percent sign. A lone {@code %} is refused (Envoy refuses
 * it too). Whether Envoy knows an operator's name is left to Envoy.
 */
public final class FormatStrings {
  private static final Pattern COMMAND = Pattern.compile("%[A-Z0-9_]+(\\([^)]*\\))?%(:[0-9]+)?");

  private FormatStrings() {}

  /** What is wrong with {@code format}, or empty when its syntax is valid. */
  public static Optional<String> problem(String format) {
    if (format.isEmpty()) {
      return Optional.of("must not be empty");
    }
    Matcher command = COMMAND.matcher(format);
    int i = 0;
    while (i < format.length()) {
      int percent = format.indexOf('%', i);
      if (percent < 0) {
        break;
      }
      if (format.startsWith("%%", percent)) {
        i = percent + 2;
        continue;
      }
      command.region(percent, format.length());
      if (!command.lookingAt()) {
        return Optional.of(
            "no command operator at \""
                + format.substring(percent, Math.min(format.length(), percent + 20))
                + "\" (write %NAME%, %NAME(ARGS)%, or %% for a percent sign)");
      }
      i = command.end();
    }
    return Optional.empty();
  }
}
