package io.gatewire.bootstrap.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewire.domain.explain.Clue;
import io.gatewire.domain.explain.Explainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an input to explain is, and the clues it holds (docs/observability.md names every form):
 *
 * <ul>
 *   <li>an access log line as the default JSON format writes it ({@code {"gateway_name":...}});
 *   <li>a Prometheus label set ({@code {gatewire_route_name="shop",...}}) or a whole series line
 *       ({@code envoy_cluster_upstream_rq_xx{...} 3});
 *   <li>an Envoy stat name ({@code vhost.<virtual host>.route.<rule>.upstream_rq_2xx}, {@code
 *       cluster.<cluster>[.zone.<gateway>.<backend>].*}, {@code http.<prefix>.*}, {@code
 *       tcp.<chain>.*}, {@code udp.<listener>.*});
 *   <li>anything else: an Envoy resource name.
 * </ul>
 *
 * Requests are read by {@link ExplainRequest}.
 */
public final class ExplainInput {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SERIES =
      Pattern.compile("^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*\\})(\\s+\\S+)?\\s*$");
  private static final Pattern LABEL =
      Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,?");
  private static final Pattern ROUTE_STAT =
      Pattern.compile("^vhost\\.([^.]+)\\.route\\.([^.]+)\\..+$");
  private static final Pattern VHOST_STAT = Pattern.compile("^vhost\\.([^.]+)\\..+$");
  private static final Pattern ZONE_STAT =
      Pattern.compile("^cluster\\.([^.]+)\\.zone\\.([^/.]+)/([^.]+)\\.([^.]+)\\..+$");
  private static final Pattern PREFIXED_STAT =
      Pattern.compile("^(cluster|http|tcp|udp)\\.([^.]+)\\..+$");
  private static final Pattern RULE =
      Pattern.compile("^([a-z]+route)/([^/]+)/([^/]+)/rule/(\\d+)(?:/.*)?$");

  private ExplainInput() {}

  /** What an input was read as and the clues it holds. */
  public record Read(String understoodAs, List<Clue> clues) {
    public Read {
      clues = List.copyOf(clues);
    }
  }

  /**
   * Reads {@code input}.
   *
   * @throws IllegalArgumentException when it looks like a line or label set but is not one
   */
  public static Read read(String input) {
    String text = input.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("nothing to explain");
    }
    if (text.startsWith("{") && looksLikeJson(text)) {
      return accessLogLine(text);
    }
    if (text.startsWith("{")) {
      return labels("Prometheus label set", text);
    }
    Matcher series = SERIES.matcher(text);
    if (series.matches()) {
      return labels("Prometheus series", series.group(1));
    }
    Optional<Read> stat = statName(text);
    return stat.orElseGet(() -> new Read("Envoy resource name", List.of(new Clue.XdsName(text))));
  }

  private static boolean looksLikeJson(String text) {
    return text.matches("^\\{\\s*(\"|\\}).*");
  }

  private static Read accessLogLine(String text) {
    JsonNode line;
    try {
      line = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON access log line: " + e.getOriginalMessage());
    }
    if (!line.isObject()) {
      throw new IllegalArgumentException("not a JSON access log line: not an object");
    }
    List<Clue> clues = new ArrayList<>();
    String gatewayNamespace = text(line, "gateway_namespace");
    String gatewayName = text(line, "gateway_name");
    if (gatewayNamespace != null && gatewayName != null) {
      clues.add(new Clue.GatewayClue(gatewayNamespace, gatewayName, text(line, "listener")));
    }
    String routeKind = text(line, "route_kind");
    String routeNamespace = text(line, "route_namespace");
    String routeName = text(line, "route_name");
    if (routeKind != null && routeNamespace != null && routeName != null) {
      clues.add(
          new Clue.RouteClue(routeKind, routeNamespace, routeName, integer(line, "route_rule")));
    }
    String backendKind = text(line, "backend_kind");
    String backendNamespace = text(line, "backend_namespace");
    String backendName = text(line, "backend_name");
    if (backendKind != null && backendNamespace != null && backendName != null) {
      clues.add(
          new Clue.BackendClue(
              backendKind, backendNamespace, backendName, integer(line, "backend_port")));
    }
    if (clues.isEmpty()) {
      throw new IllegalArgumentException(
          "the JSON line has none of the fields Gatewire's default access log writes"
              + " (gateway_namespace, gateway_name, route_kind, ...)");
    }
    return new Read("access log line", clues);
  }

  private static Read labels(String what, String set) {
    String inner = set.substring(1, set.length() - 1);
    Map<String, String> labels = new LinkedHashMap<>();
    Matcher label = LABEL.matcher(inner);
    int end = 0;
    while (label.find() && label.start() == end) {
      labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
      end = label.end();
    }
    if (end != inner.length()) {
      throw new IllegalArgumentException(
          "not a Prometheus label set: expected name=\"value\" pairs at \""
              + inner.substring(end)
              + "\"");
    }
    List<Clue> clues = new ArrayList<>();
    String ns = labels.get("gatewire_gateway_namespace");
    String name = labels.get("gatewire_gateway_name");
    if (ns != null && name != null) {
      clues.add(new Clue.GatewayClue(ns, name, null));
    }
    String kind = labels.get("gatewire_route_kind");
    String routeNamespace = labels.get("gatewire_route_namespace");
    String routeName = labels.get("gatewire_route_name");
    String rule = labels.get("gatewire_route_rule");
    if (kind != null && routeNamespace != null && routeName != null) {
      clues.add(
          new Clue.RouteClue(
              kind,
              routeNamespace,
              routeName,
              rule != null && rule.matches("\\d+") ? Integer.valueOf(rule) : null));
    }
    String backendKind = labels.get("gatewire_backend_kind");
    String backendNamespace = labels.get("gatewire_backend_namespace");
    String backendName = labels.get("gatewire_backend_name");
    String port = labels.get("gatewire_backend_port");
    if (backendKind != null && backendNamespace != null && backendName != null) {
      clues.add(
          new Clue.BackendClue(
              backendKind,
              backendNamespace,
              backendName,
              port != null && port.matches("\\d+") ? Integer.valueOf(port) : null));
    }
    for (String envoyName :
        List.of(
            "envoy_cluster_name",
            "envoy_virtual_host",
            "envoy_http_conn_manager_prefix",
            "envoy_tcp_prefix")) {
      if (labels.containsKey(envoyName)) {
        clues.add(new Clue.XdsName(labels.get(envoyName)));
      }
    }
    if (labels.containsKey("envoy_route")) {
      rule(labels.get("envoy_route")).ifPresent(clues::add);
    }
    if (clues.isEmpty()) {
      throw new IllegalArgumentException(
          "the label set has no label Gatewire's names give (gatewire_* or envoy_cluster_name,"
              + " envoy_virtual_host, envoy_route, envoy_http_conn_manager_prefix, envoy_tcp_prefix)");
    }
    return new Read(what, clues);
  }

  private static Optional<Read> statName(String text) {
    Matcher route = ROUTE_STAT.matcher(text);
    if (route.matches()) {
      List<Clue> clues = new ArrayList<>();
      clues.add(new Clue.XdsName(route.group(1)));
      rule(route.group(2)).ifPresent(clues::add);
      return Optional.of(new Read("Envoy stat name", clues));
    }
    Matcher zone = ZONE_STAT.matcher(text);
    if (zone.matches()) {
      List<Clue> clues = new ArrayList<>();
      clues.add(new Clue.XdsName(zone.group(1)));
      clues.add(new Clue.GatewayClue(zone.group(2), zone.group(3), null));
      Explainer.backendOfZone(zone.group(4)).ifPresent(clues::add);
      return Optional.of(new Read("Envoy stat name", clues));
    }
    Matcher vhost = VHOST_STAT.matcher(text);
    if (vhost.matches()) {
      return Optional.of(new Read("Envoy stat name", List.of(new Clue.XdsName(vhost.group(1)))));
    }
    Matcher prefixed = PREFIXED_STAT.matcher(text);
    if (prefixed.matches()) {
      return Optional.of(new Read("Envoy stat name", List.of(new Clue.XdsName(prefixed.group(2)))));
    }
    return Optional.empty();
  }

  /** The route rule a stat prefix names ({@code <kind>/<ns>/<name>/rule/<i>}). */
  private static Optional<Clue> rule(String prefix) {
    Matcher rule = RULE.matcher(prefix);
    if (!rule.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new Clue.RouteClue(
            rule.group(1), rule.group(2), rule.group(3), Integer.parseInt(rule.group(4))));
  }

  private static String text(JsonNode line, String field) {
    JsonNode value = line.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Integer integer(JsonNode line, String field) {
    JsonNode value = line.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.canConvertToInt() ? value.asInt() : Integer.valueOf(value.asText());
  }
}
