package io.gatewire.domain.seam;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Domain records as deterministic, indented JSON, and back. A record is an object of its components
 * in declaration order; a record whose declared type is an interface carries its class as {@code
 * "@type"} (the simple binary name inside {@code io.gatewire.domain}, e.g. {@code
 * model.HttpFilter$Cors}); an empty {@code Optional} is {@code null}; maps are written with sorted
 * keys; {@code byte[]} is Base64; {@code Instant} and {@code Duration} are their ISO-8601 text.
 * Reading uses the record's canonical constructor, so its checks and normalisations run as they do
 * for any other caller. Test-only: the domain keeps no serialisation of its own.
 */
public final class RecordText {
  private static final String PACKAGE = "io.gatewire.domain.";
  private static final String TYPE = "@type";

  private RecordText() {}

  /** {@code value} (a record) as JSON text ending in a newline. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, value.getClass(), out, "");
    return out.append('\n').toString();
  }

  /** The record of type {@code type} that {@code text} describes. */
  public static <T> T read(String text, Class<T> type) {
    Json.Parser parser = new Json.Parser(text);
    Object tree = parser.value();
    parser.end();
    return type.cast(bind(tree, type, "$"));
  }

  private static void write(Object value, Type declared, StringBuilder out, String indent) {
    String inner = indent + "  ";
    if (value == null) {
      out.append("null");
    } else if (value instanceof Optional<?> o) {
      write(o.orElse(null), typeArgument(declared, 0), out, indent);
    } else if (value instanceof OptionalInt o) {
      out.append(o.isPresent() ? String.valueOf(o.getAsInt()) : "null");
    } else if (value instanceof OptionalLong o) {
      out.append(o.isPresent() ? String.valueOf(o.getAsLong()) : "null");
    } else if (value instanceof OptionalDouble o) {
      out.append(o.isPresent() ? String.valueOf(o.getAsDouble()) : "null");
    } else if (value instanceof String s) {
      Json.quote(s, out);
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      out.append(value);
    } else if (value instanceof Enum<?> e) {
      Json.quote(e.name(), out);
    } else if (value instanceof Instant || value instanceof Duration) {
      Json.quote(value.toString(), out);
    } else if (value instanceof byte[] bytes) {
      Json.quote(Base64.getEncoder().encodeToString(bytes), out);
    } else if (value instanceof Collection<?> items) {
      if (items.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[");
      String separator = "\n";
      for (Object item : items) {
        out.append(separator).append(inner);
        write(item, typeArgument(declared, 0), out, inner);
        separator = ",\n";
      }
      out.append('\n').append(indent).append(']');
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      out.append("{");
      String separator = "\n";
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        out.append(separator).append(inner);
        Json.quote(e.getKey(), out);
        out.append(": ");
        write(e.getValue(), typeArgument(declared, 1), out, inner);
        separator = ",\n";
      }
      out.append('\n').append(indent).append('}');
    } else if (value.getClass().isRecord()) {
      writeRecord(value, declared, out, indent);
    } else {
      throw new IllegalArgumentException("no text form for " + value.getClass().getName());
    }
  }

  private static void writeRecord(Object value, Type declared, StringBuilder out, String indent) {
    String inner = indent + "  ";
    Class<?> type = value.getClass();
    List<String> fields = new ArrayList<>();
    if (!type.equals(raw(declared))) {
      fields.add(TYPE);
    }
    RecordComponent[] components = type.getRecordComponents();
    if (fields.isEmpty() && components.length == 0) {
      out.append("{}");
      return;
    }
    out.append("{");
    String separator = "\n";
    if (!fields.isEmpty()) {
      out.append(separator).append(inner);
      Json.quote(TYPE, out);
      out.append(": ");
      Json.quote(typeName(type), out);
      separator = ",\n";
    }
    for (RecordComponent c : components) {
      out.append(separator).append(inner);
      Json.quote(c.getName(), out);
      out.append(": ");
      try {
        c.getAccessor().setAccessible(true);
        write(c.getAccessor().invoke(value), c.getGenericType(), out, inner);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      separator = ",\n";
    }
    out.append('\n').append(indent).append('}');
  }

  private static String typeName(Class<?> type) {
    String name = type.getName();
    return name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : name;
  }

  private static Object bind(Object tree, Type declared, String path) {
    Class<?> raw = raw(declared);
    if (raw == Optional.class) {
      return Optional.ofNullable(bind(tree, typeArgument(declared, 0), path));
    }
    if (raw == OptionalInt.class) {
      return tree == null ? OptionalInt.empty() : OptionalInt.of(number(tree, path).intValue());
    }
    if (raw == OptionalLong.class) {
      return tree == null ? OptionalLong.empty() : OptionalLong.of(number(tree, path).longValue());
    }
    if (raw == OptionalDouble.class) {
      return tree == null
          ? OptionalDouble.empty()
          : OptionalDouble.of(number(tree, path).doubleValue());
    }
    if (tree == null) {
      if (raw.isPrimitive()) {
        throw new IllegalArgumentException(path + ": null for " + raw);
      }
      return null;
    }
    if (raw == String.class) {
      return string(tree, path);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      if (tree instanceof Boolean b) {
        return b;
      }
      throw new IllegalArgumentException(path + ": not a boolean");
    }
    if (raw == int.class || raw == Integer.class) {
      return number(tree, path).intValue();
    }
    if (raw == long.class || raw == Long.class) {
      return number(tree, path).longValue();
    }
    if (raw == double.class || raw == Double.class) {
      return number(tree, path).doubleValue();
    }
    if (raw.isEnum()) {
      return enumValue(raw, string(tree, path));
    }
    if (raw == Instant.class) {
      return Instant.parse(string(tree, path));
    }
    if (raw == Duration.class) {
      return Duration.parse(string(tree, path));
    }
    if (raw == byte[].class) {
      return Base64.getDecoder().decode(string(tree, path).getBytes(StandardCharsets.US_ASCII));
    }
    if (raw == List.class || raw == Set.class || raw == Collection.class) {
      if (!(tree instanceof List<?> items)) {
        throw new IllegalArgumentException(path + ": not an array");
      }
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        values.add(bind(items.get(i), typeArgument(declared, 0), path + "[" + i + "]"));
      }
      return raw == Set.class
          ? java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values))
          : java.util.Collections.unmodifiableList(values);
    }
    if (raw == Map.class) {
      Map<String, Object> object = object(tree, path);
      if (raw(typeArgument(declared, 0)) != String.class) {
        throw new IllegalArgumentException(path + ": only maps with String keys are supported");
      }
      Map<String, Object> values = new LinkedHashMap<>();
      object.forEach((k, v) -> values.put(k, bind(v, typeArgument(declared, 1), path + "." + k)));
      return java.util.Collections.unmodifiableMap(values);
    }
    return bindRecord(object(tree, path), raw, path);
  }

  private static Object bindRecord(Map<String, Object> object, Class<?> declared, String path) {
    Class<?> type = declared;
    if (object.containsKey(TYPE)) {
      String name = string(object.get(TYPE), path + "." + TYPE);
      try {
        type =
            Class.forName(
                name.startsWith("java.") || name.startsWith("io.") ? name : PACKAGE + name);
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException(path + ": unknown @type " + name, e);
      }
      if (!declared.isAssignableFrom(type)) {
        throw new IllegalArgumentException(path + ": " + name + " is not a " + declared);
      }
    }
    if (!type.isRecord()) {
      throw new IllegalArgumentException(path + ": " + type.getName() + " is not a record");
    }
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      if (!object.containsKey(c.getName())) {
        throw new IllegalArgumentException(path + ": missing " + c.getName());
      }
      args[i] = bind(object.get(c.getName()), c.getGenericType(), path + "." + c.getName());
    }
    for (String key : object.keySet()) {
      if (!key.equals(TYPE)
          && java.util.Arrays.stream(components).noneMatch(c -> c.getName().equals(key))) {
        throw new IllegalArgumentException(path + ": unknown field " + key);
      }
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(path + ": cannot build " + type.getName(), e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String name) {
    return Enum.valueOf((Class<? extends Enum>) type, name);
  }

  private static Number number(Object tree, String path) {
    if (tree instanceof Number n) {
      return n;
    }
    throw new IllegalArgumentException(path + ": not a number");
  }

  private static String string(Object tree, String path) {
    if (tree instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(path + ": not a string");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object tree, String path) {
    if (tree instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException(path + ": not an object");
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof GenericArrayType a) {
      return Array.newInstance(raw(a.getGenericComponentType()), 0).getClass();
    }
    throw new IllegalArgumentException("unsupported type " + type);
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }
}
