package io.gatewire.adapters.k8s.status;

import java.util.List;
import java.util.Map;

/** Reads status maps (as {@link ApiServerObjects} returns them) in assertions. */
final class Statuses {
  private Statuses() {}

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> map, String key) {
    return (Map<String, Object>) map.get(key);
  }

  /** The condition of {@code type} in {@code owner}'s conditions; fails when absent. */
  static Map<String, Object> condition(Map<String, Object> owner, String type) {
    return list(owner, "conditions").stream()
        .filter(c -> type.equals(c.get("type")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + owner));
  }

  /** {@code status/reason} of the condition of {@code type}. */
  static String summary(Map<String, Object> owner, String type) {
    Map<String, Object> c = condition(owner, type);
    return c.get("status") + "/" + c.get("reason");
  }

  /**
   * The route parents[] entry written by {@code controller} for the parentRef named {@code
   * gateway}.
   */
  static Map<String, Object> parent(Map<String, Object> status, String controller, String gateway) {
    return list(status, "parents").stream()
        .filter(
            p ->
                controller.equals(p.get("controllerName"))
                    && gateway.equals(map(p, "parentRef").get("name")))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no parent " + controller + " " + gateway + " in " + status));
  }
}
