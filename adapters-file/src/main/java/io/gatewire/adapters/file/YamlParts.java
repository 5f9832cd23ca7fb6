package io.gatewire.adapters.file;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a YAML text before each document start marker (a line that is {@code ---}, or {@code ---}
 * followed by a space or tab), so that each part can be parsed, and its decoded form reused, on its
 * own. YAML forbids such a line inside a scalar, so a part never cuts a document in two. A text
 * with a directive (a line starting with {@code %}, which belongs to the document after it) stays
 * one part; so does a text whose lines end with a lone carriage return.
 */
final class YamlParts {
  /** A part of the text and the line (from 1) it starts at. */
  record Part(String text, int firstLine) {}

  private YamlParts() {}

  static List<Part> split(String text) {
    if (hasLoneCarriageReturn(text)) {
      return List.of(new Part(text, 1));
    }
    List<Part> parts = new ArrayList<>();
    int start = 0;
    int startLine = 1;
    int line = 1;
    for (int at = 0; at < text.length(); line++) {
      int end = text.indexOf('\n', at);
      int lineEnd = end < 0 ? text.length() : end;
      if (text.charAt(at) == '%') {
        return List.of(new Part(text, 1));
      }
      if (at > start && isDocumentStart(text, at, lineEnd)) {
        parts.add(new Part(text.substring(start, at), startLine));
        start = at;
        startLine = line;
      }
      at = end < 0 ? text.length() : end + 1;
    }
    parts.add(new Part(text.substring(start), startLine));
    return parts;
  }

  private static boolean hasLoneCarriageReturn(String text) {
    for (int at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) {
      if (at + 1 == text.length() || text.charAt(at + 1) != '\n') {
        return true;
      }
    }
    return false;
  }

  private static boolean isDocumentStart(String text, int at, int lineEnd) {
    if (!text.startsWith("---", at)) {
      return false;
    }
    if (at + 3 == lineEnd) {
      return true;
    }
    char next = text.charAt(at + 3);
    return next == ' ' || next == '\t' || (next == '\r' && at + 4 == lineEnd);
  }
}
