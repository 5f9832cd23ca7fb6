package io.gatewire.bootstrap.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters of {@code /config_dump}: {@code ?group=ns/gw} (one node group; {@code *} is every
 * Gateway merged), {@code ?type=clusters} (one xDS type: listeners, routes, clusters, endpoints,
 * secrets) and {@code ?resource=NAME} (the resources of that name; an endpoint's name is its
 * cluster's). They combine; none keeps everything.
 *
 * @param group the node group, or null for all
 * @param type the xDS type, or null for all
 * @param resource the resource name, or null for all
 */
public record ConfigDumpQuery(String group, String type, String resource) {
  static final Set<String> TYPES =
      Set.of("listeners", "routes", "clusters", "endpoints", "secrets");
  private static final Set<String> PARAMETERS = Set.of("group", "type", "resource");

  /**
   * A query that cannot be answered: 400 for a wrong parameter, 404 for a node group that does not
   * exist; the message says what is wrong and what is allowed.
   */
  static final class BadQuery extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    BadQuery(int status, String message) {
      super(message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /** Reads {@code group}, {@code type} and {@code resource} from a raw query string. */
  static ConfigDumpQuery parse(String rawQuery) throws BadQuery {
    String group = null;
    String type = null;
    String resource = null;
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (!PARAMETERS.contains(key)) {
          throw new BadQuery(
              400, "unknown parameter '" + key + "'; /config_dump takes group, type and resource");
        }
        if (value.isEmpty()) {
          throw new BadQuery(400, "parameter '" + key + "' needs a value");
        }
        switch (key) {
          case "group" -> group = value;
          case "type" -> type = value;
          default -> resource = value;
        }
      }
    }
    if (type != null && !TYPES.contains(type)) {
      throw new BadQuery(
          400,
          "unknown type '" + type + "'; one of: listeners, routes, clusters, endpoints, secrets");
    }
    return new ConfigDumpQuery(group, type, resource);
  }

  boolean all() {
    return group == null && type == null && resource == null;
  }

  /**
   * The dump ({@code {group: {type: [resources]}}}) with only what the query keeps.
   *
   * @throws BadQuery when {@code group} names no node group (the message lists the known ones)
   */
  ObjectNode apply(ObjectNode dump) throws BadQuery {
    if (group != null && !dump.has(group)) {
      List<String> known = new ArrayList<>();
      dump.fieldNames().forEachRemaining(known::add);
      throw new BadQuery(404, "no node group '" + group + "'; known: " + String.join(", ", known));
    }
    ObjectNode kept = dump.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> groups = dump.fields(); groups.hasNext(); ) {
      Map.Entry<String, JsonNode> g = groups.next();
      if (group != null && !group.equals(g.getKey())) {
        continue;
      }
      ObjectNode types = kept.putObject(g.getKey());
      for (Iterator<Map.Entry<String, JsonNode>> t = g.getValue().fields(); t.hasNext(); ) {
        Map.Entry<String, JsonNode> byType = t.next();
        if (type != null && !type.equals(byType.getKey())) {
          continue;
        }
        types.set(byType.getKey(), resources(byType.getValue(), types));
      }
    }
    return kept;
  }

  private JsonNode resources(JsonNode list, ObjectNode factory) {
    if (resource == null || !list.isArray()) {
      return list;
    }
    ArrayNode named = factory.arrayNode();
    for (JsonNode r : list) {
      if (resource.equals(r.path("name").asText(null))
          || resource.equals(r.path("clusterName").asText(null))) {
        named.add(r);
      }
    }
    return named;
  }
}
