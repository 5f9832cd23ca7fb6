package io.gatewire.adapters.k8s.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.function.BiFunction;

/** Helpers the mappers share: required fields, defaults, enums and indexed lists. */
final class Fields {
  private Fields() {}

  static <T> T required(T value, FieldPath path) {
    if (value == null) {
      throw new InvalidFieldException(path, "required");
    }
    return value;
  }

  /** A required name-like string: present and not empty. */
  static String requiredText(String value, FieldPath path) {
    if (required(value, path).isEmpty()) {
      throw new InvalidFieldException(path, "must not be empty");
    }
    return value;
  }

  static <T> T orDefault(T value, T defaultValue) {
    return value == null ? defaultValue : value;
  }

  static OptionalInt optionalInt(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values;
  }

  static <K, V> Map<K, V> map(Map<K, V> values) {
    return values == null ? Map.of() : values;
  }

  /** Maps every item of a possibly absent list, giving each its indexed path. */
  static <T, R> List<R> mapEach(List<T> items, FieldPath path, BiFunction<T, FieldPath, R> mapper) {
    List<T> present = list(items);
    List<R> mapped = new ArrayList<>(present.size());
    for (int i = 0; i < present.size(); i++) {
      mapped.add(mapper.apply(present.get(i), path.index(i)));
    }
    return mapped;
  }

  /** Maps an optional value, giving the mapper its path. */
  static <T, R> Optional<R> mapOptional(
      T value, FieldPath path, BiFunction<T, FieldPath, R> mapper) {
    return value == null ? Optional.empty() : Optional.of(mapper.apply(value, path));
  }

  /** The enum constant a Gateway API value names; a value outside {@code allowed} is invalid. */
  static <E> E oneOf(String value, FieldPath path, Map<String, E> allowed) {
    E constant = allowed.get(value);
    if (constant == null) {
      throw new InvalidFieldException(
          path,
          "unsupported value \""
              + value
              + "\": expected one of "
              + String.join(", ", new TreeSet<>(allowed.keySet())));
    }
    return constant;
  }
}
