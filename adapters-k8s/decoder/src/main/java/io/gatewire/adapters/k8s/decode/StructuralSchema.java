package io.gatewire.adapters.k8s.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One CRD version's OpenAPI schema, checked as the API server checks an object with strict field
 * validation (what {@code kubectl apply} asks for): a field the schema does not declare is refused,
 * and so is a value of the wrong type, outside its {@code enum}, not matching its {@code pattern},
 * shorter or longer than {@code minLength}/{@code maxLength}, with fewer or more items or
 * properties than allowed, below {@code minimum} or above {@code maximum}, a missing {@code
 * required} field, or a repeated item of a {@code set} or {@code map} list. The reasons are the API
 * server's. {@code metadata} is checked against ObjectMeta's fields; {@code status} is not checked
 * (the API server ignores it on create and apply). Not checked: the CEL rules ({@code
 * x-kubernetes-validations}), {@code oneOf}/{@code anyOf}/{@code not}, and string formats.
 */
final class StructuralSchema {
  private static final Set<String> OBJECT_META =
      Set.of(
          "name",
          "generateName",
          "namespace",
          "selfLink",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "labels",
          "annotations",
          "ownerReferences",
          "finalizers",
          "managedFields");

  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private final JsonNode root;

  StructuralSchema(JsonNode root) {
    this.root = root;
  }

  /** A field the API server would refuse, and its reason as the API server words it. */
  record Violation(FieldPath path, String message) {}

  /** The first violation in {@code document} (in document order), if any. */
  Optional<Violation> check(JsonNode document) {
    for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      FieldPath path = FieldPath.ROOT.field(field.getKey());
      if (field.getKey().equals("status") || field.getValue().isNull()) {
        continue;
      }
      if (field.getKey().equals("metadata")) {
        Optional<Violation> meta = metadata(field.getValue(), path);
        if (meta.isPresent()) {
          return meta;
        }
        continue;
      }
      JsonNode schema = root.path("properties").get(field.getKey());
      if (schema == null) {
        return Optional.of(unknown(path));
      }
      Optional<Violation> found = check(schema, field.getValue(), path);
      if (found.isPresent()) {
        return found;
      }
    }
    return required(root, document, FieldPath.ROOT);
  }

  private static Optional<Violation> metadata(JsonNode metadata, FieldPath path) {
    if (!metadata.isObject()) {
      return Optional.empty();
    }
    for (Iterator<String> names = metadata.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!OBJECT_META.contains(name)) {
        return Optional.of(unknown(path.field(name)));
      }
    }
    return Optional.empty();
  }

  private static Optional<Violation> check(JsonNode schema, JsonNode value, FieldPath path) {
    String type = schema.path("type").asText("");
    return switch (type) {
      case "object" -> object(schema, value, path);
      case "array" -> array(schema, value, path);
      case "string" ->
          value.isTextual() ? string(schema, value, path) : wrongType(type, value, path);
      case "integer" ->
          value.isIntegralNumber() ? number(schema, value, path) : wrongType(type, value, path);
      case "number" ->
          value.isNumber() ? number(schema, value, path) : wrongType(type, value, path);
      case "boolean" -> value.isBoolean() ? Optional.empty() : wrongType(type, value, path);
      default -> Optional.empty();
    };
  }

  private static Optional<Violation> object(JsonNode schema, JsonNode value, FieldPath path) {
    if (!value.isObject()) {
      return wrongType("object", value, path);
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    boolean map = additional != null && additional.isObject();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      FieldPath fieldPath = map ? path.key(field.getKey()) : path.field(field.getKey());
      if (field.getValue().isNull()) {
        continue;
      }
      JsonNode fieldSchema = properties.get(field.getKey());
      if (fieldSchema == null && map) {
        fieldSchema = additional;
      }
      if (fieldSchema == null) {
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
            || (additional != null && additional.asBoolean(false))) {
          continue;
        }
        return Optional.of(unknown(fieldPath));
      }
      Optional<Violation> found = check(fieldSchema, field.getValue(), fieldPath);
      if (found.isPresent()) {
        return found;
      }
    }
    int size = value.size();
    if (schema.has("maxProperties") && size > schema.get("maxProperties").asInt()) {
      return Optional.of(
          new Violation(
              path,
              "Too many: "
                  + size
                  + ": must have at most "
                  + schema.get("maxProperties").asInt()
                  + " items"));
    }
    if (schema.has("minProperties") && size < schema.get("minProperties").asInt()) {
      return invalid(
          path,
          value,
          "should have at least " + schema.get("minProperties").asInt() + " properties");
    }
    return required(schema, value, path);
  }

  private static Optional<Violation> required(JsonNode schema, JsonNode value, FieldPath path) {
    for (JsonNode name : schema.path("required")) {
      JsonNode field = value.get(name.asText());
      if (field == null || field.isNull()) {
        return Optional.of(new Violation(path.field(name.asText()), "Required value"));
      }
    }
    return Optional.empty();
  }

  private static Optional<Violation> array(JsonNode schema, JsonNode value, FieldPath path) {
    if (!value.isArray()) {
      return wrongType("array", value, path);
    }
    JsonNode items = schema.get("items");
    for (int i = 0; i < value.size() && items != null; i++) {
      if (value.get(i).isNull()) {
        continue;
      }
      Optional<Violation> found = check(items, value.get(i), path.index(i));
      if (found.isPresent()) {
        return found;
      }
    }
    if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
      return Optional.of(
          new Violation(
              path,
              "Too many: "
                  + value.size()
                  + ": must have at most "
                  + schema.get("maxItems").asInt()
                  + " items"));
    }
    if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
      return invalid(
          path, value, "should have at least " + schema.get("minItems").asInt() + " items");
    }
    return duplicate(schema, value, path);
  }

  /** A repeated item of a {@code set} list, or items of a {@code map} list with equal keys. */
  private static Optional<Violation> duplicate(JsonNode schema, JsonNode value, FieldPath path) {
    String listType = schema.path("x-kubernetes-list-type").asText("");
    List<String> keys = new ArrayList<>();
    schema.path("x-kubernetes-list-map-keys").forEach(key -> keys.add(key.asText()));
    if (!listType.equals("set") && !(listType.equals("map") && !keys.isEmpty())) {
      return Optional.empty();
    }
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      Object identity =
          listType.equals("set")
              ? item
              : keys.stream()
                  .collect(Collectors.toMap(k -> k, k -> item.path(k).toString(), (a, b) -> a));
      if (!seen.add(identity)) {
        String shown =
            listType.equals("set")
                ? item.toString()
                : keys.stream()
                    .map(k -> "\"" + k + "\":" + item.path(k).toString())
                    .collect(Collectors.joining(",", "{", "}"));
        return Optional.of(new Violation(path.index(i), "Duplicate value: " + shown));
      }
    }
    return Optional.empty();
  }

  private static Optional<Violation> string(JsonNode schema, JsonNode value, FieldPath path) {
    String text = value.asText();
    if (schema.has("enum")) {
      List<String> allowed = new ArrayList<>();
      schema.get("enum").forEach(e -> allowed.add(e.asText()));
      if (!allowed.contains(text)) {
        return Optional.of(
            new Violation(
                path,
                "Unsupported value: \""
                    + text
                    + "\": supported values: "
                    + allowed.stream()
                        .map(a -> "\"" + a + "\"")
                        .collect(Collectors.joining(", "))));
      }
    }
    int length = text.codePointCount(0, text.length());
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      return Optional.of(
          new Violation(
              path,
              "Too long: may not be more than " + schema.get("maxLength").asInt() + " bytes"));
    }
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      return invalid(
          path, value, "should be at least " + schema.get("minLength").asInt() + " chars long");
    }
    if (schema.has("pattern")) {
      String pattern = schema.get("pattern").asText();
      if (!PATTERNS.computeIfAbsent(pattern, Pattern::compile).matcher(text).find()) {
        return invalid(path, value, "should match '" + pattern + "'");
      }
    }
    return Optional.empty();
  }

  private static Optional<Violation> number(JsonNode schema, JsonNode value, FieldPath path) {
    double number = value.asDouble();
    if (schema.has("minimum") && number < schema.get("minimum").asDouble()) {
      return invalid(
          path, value, "should be greater than or equal to " + schema.get("minimum").asText());
    }
    if (schema.has("maximum") && number > schema.get("maximum").asDouble()) {
      return invalid(
          path, value, "should be less than or equal to " + schema.get("maximum").asText());
    }
    String format = schema.path("format").asText("");
    if (format.equals("int32") && !value.canConvertToInt()) {
      return invalid(path, value, "must be of type int32");
    }
    return Optional.empty();
  }

  private static Optional<Violation> wrongType(String type, JsonNode value, FieldPath path) {
    return invalid(path, value, "must be of type " + type + ": \"" + jsonType(value) + "\"");
  }

  private static String jsonType(JsonNode value) {
    if (value.isObject()) {
      return "object";
    }
    if (value.isArray()) {
      return "array";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    return value.isIntegralNumber() ? "integer" : "number";
  }

  /** {@code Invalid value: <value>: <path> in body <problem>}, as the API server words it. */
  private static Optional<Violation> invalid(FieldPath path, JsonNode value, String problem) {
    String shown = value.isContainerNode() ? jsonType(value) : value.toString();
    return Optional.of(
        new Violation(
            path, "Invalid value: " + shown + ": " + path.text() + " in body " + problem));
  }

  private static Violation unknown(FieldPath path) {
    return new Violation(path, "unknown field \"" + path.text() + "\"");
  }
}
