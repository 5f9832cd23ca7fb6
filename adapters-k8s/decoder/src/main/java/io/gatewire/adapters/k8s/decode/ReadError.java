package io.gatewire.adapters.k8s.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * Why Jackson could not read a document into its typed model, said in the document's terms: the
 * field ({@code spec.rules[0].backendRefs[0].port}) and the problem ({@code cannot parse "eighty"
 * as an integer}) rather than Java class names. A value a model class refuses to build from (such
 * as an IntOrString given a list) gives that class's own reason.
 */
record ReadError(FieldPath path, String problem) {

  static ReadError of(JsonProcessingException error, JsonNode document) {
    if (!(error instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return new ReadError(FieldPath.ROOT, firstLine(error.getOriginalMessage()));
    }
    FieldPath path = FieldPath.ROOT;
    for (JsonMappingException.Reference ref : mapping.getPath()) {
      if (ref.getFieldName() != null) {
        path =
            ref.getFrom() instanceof Map
                ? path.key(ref.getFieldName())
                : path.field(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path = path.index(ref.getIndex());
      }
    }
    if (error instanceof UnrecognizedPropertyException unknown) {
      return new ReadError(
          path,
          "unknown field (known fields here: "
              + String.join(
                  ", ",
                  new TreeSet<>(
                      unknown.getKnownPropertyIds().stream().map(String::valueOf).toList()))
              + ")");
    }
    if (error instanceof ValueInstantiationException && error.getCause() != null) {
      return new ReadError(path, firstLine(error.getCause().getMessage()));
    }
    Class<?> target =
        error instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    if (target == null) {
      return new ReadError(path, firstLine(mapping.getOriginalMessage()));
    }
    JsonNode found = document.at(path.pointer());
    if (found.isTextual() && isScalar(target)) {
      return new ReadError(path, "cannot parse \"" + found.asText() + "\" as " + expected(target));
    }
    return new ReadError(path, "expected " + expected(target) + ", found " + found(found));
  }

  private static boolean isScalar(Class<?> type) {
    return Number.class.isAssignableFrom(type) || type.isPrimitive() || type == Boolean.class;
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class
        || type == Long.class
        || type == Short.class
        || type == int.class
        || type == long.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "a mapping";
  }

  private static String found(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return "null";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isTextual()) {
      return "the string \"" + node.asText() + "\"";
    }
    if (node.isBoolean()) {
      return "the boolean " + node.asText();
    }
    return "the number " + node.asText();
  }

  private static String firstLine(String message) {
    String text = message == null ? "cannot be read" : message.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
