package io.gatewire.adapters.xds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.JsonFormat;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A message as the Jackson tree that parsing its {@link JsonFormat} text would give, built directly
 * by walking the message (printing the whole configuration as text and parsing it back dominated
 * {@code translate} on large inputs). The rules are JsonFormat's (lowerCamelCase JSON names, set
 * fields in field-number order, 64-bit integers as strings, enums by name, maps in their order,
 * wrappers, Struct, Value, ListValue and Duration in their JSON forms); any other well-known type,
 * {@code Any} included, is printed by JsonFormat itself, so the tree is always the same.
 */
final class ProtoJsonTrees {
  private static final Set<String> WRAPPERS =
      Set.of(
          "google.protobuf.DoubleValue",
          "google.protobuf.FloatValue",
          "google.protobuf.Int64Value",
          "google.protobuf.UInt64Value",
          "google.protobuf.Int32Value",
          "google.protobuf.UInt32Value",
          "google.protobuf.BoolValue",
          "google.protobuf.StringValue",
          "google.protobuf.BytesValue");

  private final ObjectMapper json;
  private final JsonFormat.Printer printer;

  ProtoJsonTrees(ObjectMapper json, JsonFormat.Printer printer) {
    this.json = json;
    this.printer = printer;
  }

  JsonNode tree(MessageOrBuilder message) {
    String type = message.getDescriptorForType().getFullName();
    if (WRAPPERS.contains(type)) {
      FieldDescriptor value = message.getDescriptorForType().findFieldByName("value");
      return scalar(value, message.getField(value));
    }
    switch (type) {
      case "google.protobuf.Duration":
        return message instanceof Duration d
            ? TextNode.valueOf(Durations.toString(d))
            : printed(message);
      case "google.protobuf.Struct":
        return map(message.getDescriptorForType().findFieldByName("fields"), message);
      case "google.protobuf.ListValue":
        return repeated(message.getDescriptorForType().findFieldByName("values"), message);
      case "google.protobuf.Value":
        return value(message);
      default:
        if (type.startsWith("google.protobuf.")) {
          return printed(message);
        }
        return object(message);
    }
  }

  private JsonNode object(MessageOrBuilder message) {
    ObjectNode node = json.createObjectNode();
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      FieldDescriptor descriptor = field.getKey();
      JsonNode value;
      if (descriptor.isMapField()) {
        value = map(descriptor, message);
      } else if (descriptor.isRepeated()) {
        value = repeated(descriptor, message);
      } else {
        value = single(descriptor, field.getValue());
      }
      node.set(descriptor.getJsonName(), value);
    }
    return node;
  }

  private JsonNode value(MessageOrBuilder message) {
    FieldDescriptor kind = null;
    for (FieldDescriptor field : message.getAllFields().keySet()) {
      kind = field;
    }
    if (kind == null) {
      return printed(message);
    }
    Object value = message.getField(kind);
    switch (kind.getName()) {
      case "null_value":
        return NullNode.getInstance();
      case "number_value":
        return number((Double) value);
      case "string_value":
        return TextNode.valueOf((String) value);
      case "bool_value":
        return BooleanNode.valueOf((Boolean) value);
      default:
        return tree((Message) value);
    }
  }

  private JsonNode map(FieldDescriptor field, MessageOrBuilder message) {
    ObjectNode node = json.createObjectNode();
    @SuppressWarnings("unchecked")
    List<Message> entries = (List<Message>) message.getField(field);
    FieldDescriptor key = field.getMessageType().findFieldByName("key");
    FieldDescriptor value = field.getMessageType().findFieldByName("value");
    for (Message entry : entries) {
      node.set(String.valueOf(entry.getField(key)), single(value, entry.getField(value)));
    }
    return node;
  }

  private JsonNode repeated(FieldDescriptor field, MessageOrBuilder message) {
    ArrayNode node = json.createArrayNode();
    int count = message.getRepeatedFieldCount(field);
    for (int i = 0; i < count; i++) {
      node.add(single(field, message.getRepeatedField(field, i)));
    }
    return node;
  }

  private JsonNode single(FieldDescriptor field, Object value) {
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      return tree((Message) value);
    }
    return scalar(field, value);
  }

  private JsonNode scalar(FieldDescriptor field, Object value) {
    switch (field.getType()) {
      case INT32:
      case SINT32:
      case SFIXED32:
        return IntNode.valueOf((Integer) value);
      case UINT32:
      case FIXED32:
        long unsigned = Integer.toUnsignedLong((Integer) value);
        return unsigned <= Integer.MAX_VALUE
            ? IntNode.valueOf((int) unsigned)
            : LongNode.valueOf(unsigned);
      case INT64:
      case SINT64:
      case SFIXED64:
        return TextNode.valueOf(Long.toString((Long) value));
      case UINT64:
      case FIXED64:
        return TextNode.valueOf(Long.toUnsignedString((Long) value));
      case FLOAT:
        float f = (Float) value;
        return Float.isNaN(f) || Float.isInfinite(f)
            ? number((double) f)
            : DoubleNode.valueOf(Double.parseDouble(Float.toString(f)));
      case DOUBLE:
        return number((Double) value);
      case BOOL:
        return BooleanNode.valueOf((Boolean) value);
      case STRING:
        return TextNode.valueOf((String) value);
      case BYTES:
        return TextNode.valueOf(
            Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
      case ENUM:
        EnumValueDescriptor e = (EnumValueDescriptor) value;
        if (e.getType().getFullName().equals("google.protobuf.NullValue")) {
          return NullNode.getInstance();
        }
        return e.getIndex() == -1 ? IntNode.valueOf(e.getNumber()) : TextNode.valueOf(e.getName());
      default:
        throw new IllegalStateException("not a scalar field: " + field.getFullName());
    }
  }

  private static JsonNode number(double d) {
    if (Double.isNaN(d)) {
      return TextNode.valueOf("NaN");
    }
    if (Double.isInfinite(d)) {
      return TextNode.valueOf(d > 0 ? "Infinity" : "-Infinity");
    }
    return DoubleNode.valueOf(d);
  }

  private JsonNode printed(MessageOrBuilder message) {
    try {
      return json.readTree(printer.print(message));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "an Any holds a type the registry does not know: " + e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("JsonFormat printed invalid JSON", e);
    }
  }
}
