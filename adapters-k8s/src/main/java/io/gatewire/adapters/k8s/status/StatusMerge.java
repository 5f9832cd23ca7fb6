package io.gatewire.adapters.k8s.status;

import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.StatusBody;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a translated status into an object's current status, as the status subresource will hold
 * it. Fields Gatewire does not compute (a Gateway's addresses, a GatewayClass's supportedFeatures)
 * are kept. A route's {@code parents[]} entries of other controllers stay untouched and in place;
 * ours are replaced in place by the entry for the same parentRef, dropped when there is none, and
 * new ones are appended. A condition keeps its {@code lastTransitionTime} while its type and status
 * are unchanged.
 */
final class StatusMerge {
  private final String controllerName;

  StatusMerge(String controllerName) {
    this.controllerName = controllerName;
  }

  Map<String, Object> merge(StatusBody desired, Map<String, Object> current, Instant now) {
    String time = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    Map<String, Object> merged = new LinkedHashMap<>(current);
    if (desired instanceof StatusBody.GatewayClassStatus c) {
      merged.put("conditions", conditions(c.conditions(), maps(current.get("conditions")), time));
    } else if (desired instanceof StatusBody.GatewayStatus g) {
      merged.put("conditions", conditions(g.conditions(), maps(current.get("conditions")), time));
      merged.put("listeners", listeners(g.listeners(), maps(current.get("listeners")), time));
    } else if (desired instanceof StatusBody.RouteStatus r) {
      List<Map<String, Object>> parents = parents(r.parents(), maps(current.get("parents")), time);
      if (parents.isEmpty() && !current.containsKey("parents")) {
        return merged;
      }
      merged.put("parents", parents);
    }
    return merged;
  }

  private static List<Map<String, Object>> listeners(
      List<StatusBody.ListenerStatus> listeners, List<Map<String, Object>> current, String time) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (StatusBody.ListenerStatus l : listeners) {
      Map<String, Object> previous = find(current, "name", l.name());
      Map<String, Object> listener = new LinkedHashMap<>();
      listener.put("name", l.name());
      List<Map<String, Object>> kinds = new ArrayList<>();
      for (StatusBody.Kind k : l.supportedKinds()) {
        Map<String, Object> kind = new LinkedHashMap<>();
        kind.put("group", k.group());
        kind.put("kind", k.kind());
        kinds.add(kind);
      }
      listener.put("supportedKinds", kinds);
      listener.put("attachedRoutes", l.attachedRoutes());
      listener.put(
          "conditions",
          conditions(
              l.conditions(),
              previous == null ? List.of() : maps(previous.get("conditions")),
              time));
      result.add(listener);
    }
    return result;
  }

  private List<Map<String, Object>> parents(
      List<StatusBody.RouteParentStatus> desired, List<Map<String, Object>> current, String time) {
    List<Map<String, Object>> refs = new ArrayList<>();
    desired.forEach(p -> refs.add(parentRef(p.parentRef())));
    boolean[] placed = new boolean[desired.size()];
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> entry : current) {
      if (!controllerName.equals(entry.get("controllerName"))) {
        result.add(entry);
        continue;
      }
      int i = indexOf(refs, entry.get("parentRef"));
      if (i >= 0 && !placed[i]) {
        placed[i] = true;
        result.add(parent(refs.get(i), desired.get(i), maps(entry.get("conditions")), time));
      }
    }
    for (int i = 0; i < desired.size(); i++) {
      if (!placed[i]) {
        result.add(parent(refs.get(i), desired.get(i), List.of(), time));
      }
    }
    return result;
  }

  private Map<String, Object> parent(
      Map<String, Object> ref,
      StatusBody.RouteParentStatus desired,
      List<Map<String, Object>> previousConditions,
      String time) {
    Map<String, Object> parent = new LinkedHashMap<>();
    parent.put("parentRef", ref);
    parent.put("controllerName", controllerName);
    parent.put("conditions", conditions(desired.conditions(), previousConditions, time));
    return parent;
  }

  private static int indexOf(List<Map<String, Object>> refs, Object ref) {
    for (int i = 0; i < refs.size(); i++) {
      if (StatusComparison.same(refs.get(i), ref)) {
        return i;
      }
    }
    return -1;
  }

  private static Map<String, Object> parentRef(StatusBody.ParentReference ref) {
    Map<String, Object> map = new LinkedHashMap<>();
    putIfPresent(map, "group", ref.group());
    putIfPresent(map, "kind", ref.kind());
    putIfPresent(map, "namespace", ref.namespace());
    putIfPresent(map, "name", ref.name());
    putIfPresent(map, "sectionName", ref.sectionName());
    putIfPresent(map, "port", ref.port());
    return map;
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static List<Map<String, Object>> conditions(
      List<Condition> desired, List<Map<String, Object>> current, String time) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Condition c : desired) {
      Map<String, Object> previous = find(current, "type", c.type());
      Object since =
          previous != null && c.status().equals(previous.get("status"))
              ? previous.get(StatusComparison.LAST_TRANSITION_TIME)
              : null;
      Map<String, Object> condition = new LinkedHashMap<>();
      condition.put("type", c.type());
      condition.put("status", c.status());
      condition.put("reason", c.reason());
      condition.put("message", c.message());
      condition.put("observedGeneration", c.observedGeneration());
      condition.put(StatusComparison.LAST_TRANSITION_TIME, since != null ? since : time);
      result.add(condition);
    }
    return result;
  }

  private static Map<String, Object> find(
      List<Map<String, Object>> items, String key, String value) {
    for (Map<String, Object> item : items) {
      if (value.equals(item.get(key))) {
        return item;
      }
    }
    return null;
  }

  /** The maps in a JSON list; anything else (absent, malformed) reads as no entries. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value) {
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    List<Map<String, Object>> maps = new ArrayList<>();
    for (Object item : list) {
      if (item instanceof Map) {
        maps.add((Map<String, Object>) item);
      }
    }
    return maps;
  }
}
