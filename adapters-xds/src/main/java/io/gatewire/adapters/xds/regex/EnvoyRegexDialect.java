package io.gatewire.adapters.xds.regex;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.gatewire.domain.translate.RegexDialect;
import java.util.Optional;

/**
 * The regular expressions Envoy's {@code safe_regex} accepts: RE2 syntax, checked by compiling with
 * re2j (RE2's Java port: no backreferences, lookaround, possessive quantifiers or atomic groups),
 * and an RE2 program size under Envoy's limit (runtime key {@code
 * re2.max_program_size.error_level}, 100 by default), since a pattern over it makes Envoy reject
 * the whole route configuration.
 *
 * <p>re2j's program size counts re2j's instructions, which match characters (runes); C++ RE2, which
 * Envoy runs, matches UTF-8 bytes, so a class of all but a few characters ({@code .}, {@code [^/]})
 * costs it about 13 instructions more, and a class of several ranges one more per range. {@link
 * ProgramSizeEstimate} adds those to re2j's count; against the sizes C++ RE2 reports for sample
 * patterns the estimate is equal or a little higher, so a pattern near the limit may be refused
 * that Envoy would take, never the reverse as far as the samples go.
 */
public final class EnvoyRegexDialect implements RegexDialect {
  /** Envoy's default for {@code re2.max_program_size.error_level}. */
  public static final int ENVOY_DEFAULT_MAX_PROGRAM_SIZE = 100;

  private final int maxProgramSize;

  public EnvoyRegexDialect() {
    this(ENVOY_DEFAULT_MAX_PROGRAM_SIZE);
  }

  /**
   * A dialect for an Envoy whose runtime sets {@code re2.max_program_size.error_level} to {@code
   * maxProgramSize}.
   */
  public EnvoyRegexDialect(int maxProgramSize) {
    if (maxProgramSize <= 0) {
      throw new IllegalArgumentException(
          "the RE2 program size limit must be positive, not " + maxProgramSize);
    }
    this.maxProgramSize = maxProgramSize;
  }

  @Override
  public Optional<String> problem(String pattern) {
    if (pattern.isEmpty()) {
      return Optional.of("is empty, which Envoy's regex matcher does not allow");
    }
    // every character costs at least one instruction outside \Q...\E, two of them within it
    if (pattern.length() > 4L * maxProgramSize) {
      return Optional.of(
          "is longer than "
              + 4L * maxProgramSize
              + " characters, too large a program for RE2 in Envoy"
              + " (program size limit "
              + maxProgramSize
              + ")");
    }
    Pattern compiled;
    try {
      compiled = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return Optional.of(
          "is not RE2 syntax, which Envoy requires: "
              + e.getDescription()
              + (e.getPattern() == null || e.getPattern().isEmpty() ? "" : " " + e.getPattern()));
    }
    int size = ProgramSizeEstimate.of(pattern, compiled.programSize());
    if (size > maxProgramSize) {
      return Optional.of(
          "compiles to an RE2 program of about "
              + size
              + " instructions, over Envoy's limit of "
              + maxProgramSize
              + " (re2.max_program_size.error_level)");
    }
    return Optional.empty();
  }
}
