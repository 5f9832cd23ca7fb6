package io.gatewire.domain.seam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON {@link RecordText} writes: quoting, and a strict parser to maps, lists and scalars. */
final class Json {
  private Json() {}

  static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Objects become insertion-ordered maps, arrays lists, numbers Long or Double. */
  static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    Object value() {
      skipSpace();
      if (at >= text.length()) {
        throw error("unexpected end");
      }
      char c = text.charAt(at);
      return switch (c) {
        case '{' -> object();
        case '[' -> array();
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> number();
      };
    }

    void end() {
      skipSpace();
      if (at != text.length()) {
        throw error("text after the value");
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      at++;
      skipSpace();
      if (peek('}')) {
        at++;
        return map;
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        if (map.put(key, value()) != null) {
          throw error("duplicate key " + key);
        }
        skipSpace();
        if (peek(',')) {
          at++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      at++;
      skipSpace();
      if (peek(']')) {
        at++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpace();
        if (peek(',')) {
          at++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder s = new StringBuilder();
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return s.toString();
        }
        if (c != '\\') {
          s.append(c);
          continue;
        }
        char e = text.charAt(at++);
        switch (e) {
          case 'n' -> s.append('\n');
          case 'r' -> s.append('\r');
          case 't' -> s.append('\t');
          case 'u' -> {
            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> s.append(e);
        }
      }
      throw error("unterminated string");
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, at)) {
        throw error("expected " + word);
      }
      at += word.length();
      return value;
    }

    private Number number() {
      int start = at;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      String n = text.substring(start, at);
      if (n.isEmpty()) {
        throw error("unexpected character");
      }
      return n.matches("-?\\d+") ? (Number) Long.parseLong(n) : (Number) Double.parseDouble(n);
    }

    private void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private boolean peek(char c) {
      return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      at++;
    }

    private IllegalArgumentException error(String what) {
      int line = 1;
      for (int i = 0; i < Math.min(at, text.length()); i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      return new IllegalArgumentException("JSON line " + line + ": " + what);
    }
  }
}
