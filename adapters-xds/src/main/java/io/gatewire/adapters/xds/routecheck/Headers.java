package io.gatewire.adapters.xds.routecheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ordered HTTP header multimap; names compare case-insensitively and are kept lower case, as
 * Envoy keeps them.
 */
public final class Headers {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  public static Headers of(Map<String, List<String>> headers) {
    Headers result = new Headers();
    headers.forEach((name, list) -> list.forEach(value -> result.add(name, value)));
    return result;
  }

  public Headers copy() {
    Headers copy = new Headers();
    values.forEach((name, list) -> copy.values.put(name, new ArrayList<>(list)));
    return copy;
  }

  public void add(String name, String value) {
    values.computeIfAbsent(key(name), k -> new ArrayList<>()).add(value);
  }

  public void set(String name, String value) {
    List<String> list = new ArrayList<>();
    list.add(value);
    values.put(key(name), list);
  }

  public void remove(String name) {
    values.remove(key(name));
  }

  public boolean has(String name) {
    return values.containsKey(key(name));
  }

  /** Every value of {@code name}, in order; empty when absent. */
  public List<String> get(String name) {
    return List.copyOf(values.getOrDefault(key(name), List.of()));
  }

  /**
   * The values joined with {@code ,}, as Envoy's header matchers and the conformance harness read
   * them; null when absent.
   */
  public String joined(String name) {
    List<String> list = values.get(key(name));
    return list == null ? null : String.join(",", list);
  }

  public Map<String, List<String>> asMap() {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    return copy;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
