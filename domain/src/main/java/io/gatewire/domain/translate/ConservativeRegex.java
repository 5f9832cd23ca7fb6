package io.gatewire.domain.translate;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regex check the domain makes on its own, with java.* only: the pattern must not be empty
 * (Envoy's matcher requires at least one character), must compile with java.util.regex and must not
 * use the Java syntax RE2 lacks or reads differently: backreferences, lookaround, atomic groups,
 * possessive quantifiers, nested classes and class intersections, escapes outside RE2's set, flags
 * other than {@code i}, {@code m} and {@code s}, and repetition counts above RE2's 1000. It does
 * not know Envoy's program size limit; the Envoy dialect in {@code adapters-xds} (wired by
 * bootstrap) checks that and the exact RE2 syntax.
 */
final class ConservativeRegex implements RegexDialect {
  static final ConservativeRegex INSTANCE = new ConservativeRegex();
  static final int MAX_REPEAT = 1000;

  /**
   * Escapes that mean the same in RE2 and java.util.regex (letters; any escaped punctuation is a
   * literal in both).
   */
  private static final String COMMON_ESCAPES = "aftnrxdswDSWbBAzpP";

  private static final String COMMON_FLAGS = "ims-";
  private static final Pattern UNICODE_CATEGORY = Pattern.compile("[A-Z][a-z]?");

  private ConservativeRegex() {}

  @Override
  public Optional<String> problem(String pattern) {
    if (pattern.isEmpty()) {
      return Optional.of("is empty, which RE2 matchers in proxies do not allow");
    }
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return Optional.of("is not a valid regular expression: " + e.getDescription());
    }
    return new Scan(pattern).problem();
  }

  /** One pass over a pattern that java.util.regex accepts. */
  private static final class Scan {
    private final String p;
    private int i;
    private boolean inClass;

    Scan(String pattern) {
      this.p = pattern;
    }

    private char at(int index) {
      return index < p.length() ? p.charAt(index) : '\0';
    }

    Optional<String> problem() {
      while (i < p.length()) {
        char c = p.charAt(i);
        Optional<String> problem = c == '\\' ? escape() : inClass ? inClass(c) : outside(c);
        if (problem.isPresent()) {
          return problem;
        }
      }
      return Optional.empty();
    }

    private Optional<String> escape() {
      char next = at(i + 1);
      if (next == 'Q') {
        int end = p.indexOf("\\E", i + 2);
        i = end < 0 ? p.length() : end + 2;
        return inClass ? Optional.empty() : afterAtom();
      }
      if (Character.isDigit(next) || next == 'k') {
        return Optional.of("uses a backreference (\\" + next + "), which RE2 does not support");
      }
      if (Character.isLetter(next) && COMMON_ESCAPES.indexOf(next) < 0) {
        return Optional.of(
            "uses the escape \\" + next + ", which RE2 does not support or reads differently");
      }
      i += 2;
      if ((next == 'p' || next == 'P') && at(i) == '{') {
        int close = p.indexOf('}', i);
        String name = p.substring(i + 1, close);
        if (!UNICODE_CATEGORY.matcher(name).matches()) {
          return Optional.of(
              "uses the character property \\"
                  + next
                  + "{"
                  + name
                  + "}, which RE2 does not know"
                  + " (only general categories such as L or Lu are checked as common)");
        }
        i = close + 1;
      } else if (next == 'x' && at(i) == '{') {
        i = p.indexOf('}', i) + 1;
      }
      return inClass ? Optional.empty() : afterAtom();
    }

    private Optional<String> inClass(char c) {
      if (c == '[') {
        return Optional.of("nests a character class, which RE2 reads differently");
      }
      if (c == '&' && at(i + 1) == '&') {
        return Optional.of("uses a class intersection (&&), which RE2 does not support");
      }
      if (c == ']') {
        inClass = false;
        i++;
        return afterAtom();
      }
      i++;
      return Optional.empty();
    }

    private Optional<String> outside(char c) {
      if (c == '[') {
        inClass = true;
        i++;
        if (at(i) == '^') {
          i++;
        }
        if (at(i) == ']') {
          i++;
        }
        return Optional.empty();
      }
      if (c == '(' && at(i + 1) == '?') {
        return group();
      }
      i++;
      return c == '(' || c == '|' || c == '^' ? Optional.empty() : afterAtom();
    }

    /** {@code (?...}: lookaround and atomic groups are out, flags only those RE2 reads alike. */
    private Optional<String> group() {
      char kind = at(i + 2);
      if (kind == '=' || kind == '!' || (kind == '<' && (at(i + 3) == '=' || at(i + 3) == '!'))) {
        return Optional.of("uses lookaround, which RE2 does not support");
      }
      if (kind == '>') {
        return Optional.of("uses an atomic group, which RE2 does not support");
      }
      if (kind == ':' || kind == '<') {
        i += 3;
        return Optional.empty();
      }
      int j = i + 2;
      while (j < p.length() && p.charAt(j) != ':' && p.charAt(j) != ')') {
        if (COMMON_FLAGS.indexOf(p.charAt(j)) < 0) {
          return Optional.of(
              "uses the flag " + p.charAt(j) + ", which RE2 does not support or reads differently");
        }
        j++;
      }
      i = j + 1;
      return Optional.empty();
    }

    /** After an atom: its quantifier, if any, with a bounded count and not possessive. */
    private Optional<String> afterAtom() {
      char q = at(i);
      if (q == '{') {
        int close = p.indexOf('}', i);
        for (String count : p.substring(i + 1, close).split(",", -1)) {
          if (!count.isEmpty() && (count.length() > 4 || Integer.parseInt(count) > MAX_REPEAT)) {
            return Optional.of("repeats more than " + MAX_REPEAT + " times, RE2's limit");
          }
        }
        i = close + 1;
      } else if (q == '*' || q == '+' || q == '?') {
        i++;
      } else {
        return Optional.empty();
      }
      if (at(i) == '+') {
        return Optional.of("uses a possessive quantifier, which RE2 does not support");
      }
      if (at(i) == '?') {
        i++;
      }
      return Optional.empty();
    }
  }
}
