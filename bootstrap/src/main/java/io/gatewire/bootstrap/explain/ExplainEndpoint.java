package io.gatewire.bootstrap.explain;

import io.gatewire.bootstrap.admin.AdminServer;
import io.gatewire.domain.explain.Explanation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /explain} on {@code serve}'s admin port: {@code ?q=WHAT} as {@code gatewire explain WHAT}
 * says it, about the configuration being served; a request is {@code ?q=http://host/path} with
 * {@code &gateway=NS/NAME}, {@code &method=} and {@code &header=Name:%20value} (repeatable); {@code
 * &o=json} for JSON. 200 when resolved, 404 when something is not found, 400 for a question it
 * cannot read, 503 before a configuration is served.
 */
public final class ExplainEndpoint {
  private final ExplainState state;

  public ExplainEndpoint(ExplainState state) {
    this.state = state;
  }

  public AdminServer.Response answer(String rawQuery) {
    Map<String, List<String>> query = parse(rawQuery);
    String what = first(query, "q");
    if (what == null || what.isBlank()) {
      return new AdminServer.Response(
          400,
          "text/plain",
          "bad request: /explain?q=WHAT (a name, stat, label set, line or URL)\n");
    }
    Optional<ExplainSnapshot> snapshot = state.snapshot();
    if (snapshot.isEmpty()) {
      return new AdminServer.Response(503, "text/plain", "no configuration is served yet\n");
    }
    boolean json = "json".equals(first(query, "o"));
    Explanation explanation;
    try {
      explanation =
          what.startsWith("http://") || what.startsWith("https://")
              ? snapshot
                  .get()
                  .explain(
                      new ExplainSnapshot.Request(
                          what, first(query, "method"), headers(query), first(query, "gateway")))
              : snapshot.get().explain(what);
    } catch (IllegalArgumentException e) {
      return new AdminServer.Response(400, "text/plain", "bad request: " + e.getMessage() + "\n");
    }
    return new AdminServer.Response(
        explanation.resolved() ? 200 : 404,
        json ? "application/json" : "text/plain; charset=utf-8",
        json ? ExplainReport.json(explanation) : ExplainReport.text(explanation));
  }

  private static Map<String, List<String>> headers(Map<String, List<String>> query) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String header : query.getOrDefault("header", List.of())) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("header takes Name:value, not " + header);
      }
      headers
          .computeIfAbsent(
              header.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(header.substring(colon + 1).trim());
    }
    return headers;
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Map<String, List<String>> parse(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      query.computeIfAbsent(decode(name), k -> new ArrayList<>()).add(decode(value));
    }
    return query;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
