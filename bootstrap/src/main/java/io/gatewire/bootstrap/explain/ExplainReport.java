package io.gatewire.bootstrap.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewire.domain.explain.Explanation;
import io.gatewire.domain.status.Condition;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** An explanation as text for people or as JSON for tools. */
public final class ExplainReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExplainReport() {}

  /** The chain, one object a paragraph, then what was not found. */
  public static String text(Explanation explanation) {
    StringBuilder text = new StringBuilder();
    text.append(explanation.understoodAs()).append(": ").append(explanation.input()).append('\n');
    explanation.xds().forEach(x -> text.append("  ").append(x).append('\n'));
    for (Explanation.Item item : explanation.objects()) {
      text.append('\n').append(item.ref());
      if (item.location() != null) {
        text.append("  (").append(item.location()).append(')');
      }
      text.append('\n');
      if (!item.conditions().isEmpty()) {
        text.append("  ").append(conditions(item.conditions())).append('\n');
      }
      item.details().forEach(d -> text.append("  ").append(d).append('\n'));
      item.warnings().forEach(w -> text.append("  warning: ").append(w).append('\n'));
    }
    if (!explanation.unresolved().isEmpty()) {
      text.append("\nnot found:\n");
      explanation.unresolved().forEach(u -> text.append("  ").append(u).append('\n'));
    }
    return text.toString();
  }

  /** The same as one JSON document. */
  public static String json(Explanation explanation) {
    ObjectNode root = JSON.createObjectNode();
    root.put("input", explanation.input());
    root.put("understoodAs", explanation.understoodAs());
    root.put("resolved", explanation.resolved());
    strings(root.putArray("xds"), explanation.xds());
    ArrayNode objects = root.putArray("objects");
    for (Explanation.Item item : explanation.objects()) {
      ObjectNode object = objects.addObject();
      object.put("kind", item.ref().kind());
      if (!item.ref().namespace().isEmpty()) {
        object.put("namespace", item.ref().namespace());
      }
      object.put("name", item.ref().name());
      if (item.location() != null) {
        object.put("location", item.location());
      }
      ArrayNode conditions = object.putArray("conditions");
      for (Condition c : item.conditions()) {
        ObjectNode condition = conditions.addObject();
        condition.put("type", c.type());
        condition.put("status", c.status());
        condition.put("reason", c.reason());
        condition.put("message", c.message());
      }
      strings(object.putArray("details"), item.details());
      strings(object.putArray("warnings"), item.warnings());
    }
    strings(root.putArray("unresolved"), explanation.unresolved());
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static String conditions(List<Condition> conditions) {
    return conditions.stream()
        .map(
            c ->
                c.type()
                    + "="
                    + c.status()
                    + " ("
                    + c.reason()
                    + (c.holds() == c.type().equals("Conflicted") ? ": " + c.message() : "")
                    + ")")
        .collect(Collectors.joining(", "));
  }
}
