package io.gatewire.adapters.xds.regex;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An estimate of the RE2 (C++) program size of a pattern that re2j compiled: re2j's program size
 * plus what C++ RE2's byte-level compilation costs more. Calibrated on the sizes C++ RE2 reports
 * for {@code .*foo.*'} (35), {@code foo.*[abcd]+ooo.*} (43), {@code x-envoy-(a|b|c)} (15), {@code
 * x-envoy-(a|b|c)-[grep]{3}} (28), {@code a.*b.*c.*d.*e.*f.*g.*} (109) and {@code /asdf/.*} (24),
 * for which it gives 39, 43, 16, 29, 117 and 26.
 */
final class ProgramSizeEstimate {
  /** The unanchored-search prefix and bookkeeping C++ RE2 adds. */
  private static final int BASE = 3;

  /**
   * What a class of (nearly) every character costs more in UTF-8 bytes: {@code .}, {@code [^...]},
   * \D, \S, \W.
   */
  private static final int WIDE = 13;

  /** A Unicode property (\p, \P) expands to hundreds of byte ranges. */
  private static final int UNICODE_PROPERTY = 500;

  private final String p;
  private int i;

  /** The extra cost of the group being read, and of the enclosing groups. */
  private int current;

  private final Deque<Integer> enclosing = new ArrayDeque<>();

  /** The extra cost of the last atom, which a counted repetition multiplies. */
  private int last;

  private ProgramSizeEstimate(String pattern) {
    this.p = pattern;
  }

  /**
   * The estimated C++ RE2 program size of {@code pattern}, a valid RE2 pattern whose re2j size is
   * {@code re2jSize}.
   */
  static int of(String pattern, int re2jSize) {
    ProgramSizeEstimate estimate = new ProgramSizeEstimate(pattern);
    long extra = estimate.extra();
    return (int) Math.min(Integer.MAX_VALUE, re2jSize + BASE + extra);
  }

  private char at(int index) {
    return index < p.length() ? p.charAt(index) : '\0';
  }

  private long extra() {
    while (i < p.length()) {
      char c = p.charAt(i);
      switch (c) {
        case '\\' -> escape();
        case '[' -> atom(characterClass());
        case '.' -> {
          i++;
          atom(WIDE);
        }
        case '(' -> openGroup();
        case ')' -> {
          i++;
          int group = current;
          current = enclosing.isEmpty() ? group : enclosing.pop() + group;
          last = group;
        }
        case '{' -> repeat();
        case '*', '+', '?' -> i++;
        default -> {
          i++;
          last = 0;
        }
      }
    }
    return current;
  }

  private void atom(int cost) {
    current += cost;
    last = cost;
  }

  private void escape() {
    char next = at(i + 1);
    i += 2;
    if (next == 'Q') {
      int end = p.indexOf("\\E", i);
      i = end < 0 ? p.length() : end + 2;
      last = 0;
    } else if (next == 'p' || next == 'P') {
      skipBraces();
      atom(UNICODE_PROPERTY);
    } else if (next == 'x') {
      skipBraces();
      atom(0);
    } else if (next == 'D' || next == 'S' || next == 'W') {
      atom(WIDE);
    } else if (next == 'w') {
      atom(3);
    } else if (next == 's') {
      atom(2);
    } else {
      atom(0);
    }
  }

  private void skipBraces() {
    if (at(i) == '{') {
      int close = p.indexOf('}', i);
      i = close < 0 ? p.length() : close + 1;
    }
  }

  /**
   * A class: WIDE when negated, else one more per item after the first (items are ranges or
   * characters).
   */
  private int characterClass() {
    i++;
    boolean negated = at(i) == '^';
    if (negated) {
      i++;
    }
    int items = 0;
    int cost = 0;
    boolean first = true;
    while (i < p.length() && (first || p.charAt(i) != ']')) {
      first = false;
      char c = p.charAt(i);
      if (c == '\\') {
        char next = at(i + 1);
        i += 2;
        if (next == 'p' || next == 'P') {
          skipBraces();
          cost += UNICODE_PROPERTY;
        } else if (next == 'D' || next == 'S' || next == 'W') {
          cost += WIDE;
        }
      } else if (c == '[' && at(i + 1) == ':') {
        int close = p.indexOf(":]", i);
        i = close < 0 ? p.length() : close + 2;
      } else {
        i++;
      }
      if (at(i) == '-' && at(i + 1) != ']') {
        i += 2;
        if (at(i - 1) == '\\') {
          i++;
        }
      }
      items++;
    }
    i++;
    return negated ? WIDE + cost : Math.max(0, items - 1) + cost;
  }

  private void openGroup() {
    i++;
    if (at(i) == '?') {
      int j = i;
      while (j < p.length() && p.charAt(j) != ':' && p.charAt(j) != ')' && p.charAt(j) != '>') {
        j++;
      }
      if (at(j) == ')') {
        // a flag group such as (?i): no group follows
        i = j + 1;
        last = 0;
        return;
      }
      i = j + 1;
    }
    enclosing.push(current);
    current = 0;
  }

  /**
   * {@code {n}}, {@code {n,}} or {@code {n,m}}: the last atom's extra cost repeated up to m (or n)
   * times.
   */
  private void repeat() {
    int close = p.indexOf('}', i);
    if (close < 0 || !p.substring(i + 1, close).matches("[0-9]{1,4}(,[0-9]{0,4})?")) {
      // RE2 reads a brace that does not start a repetition as a literal
      i++;
      last = 0;
      return;
    }
    String[] counts = p.substring(i + 1, close).split(",", -1);
    i = close + 1;
    int times = 0;
    for (String count : counts) {
      if (!count.isEmpty()) {
        times = Math.max(times, Integer.parseInt(count));
      }
    }
    current += last * Math.max(0, times - 1);
  }
}
