package io.gatewire.domain.model;

import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist).
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {
  public LabelSelector {
    matchLabels = Map.copyOf(matchLabels);
    matchExpressions = List.copyOf(matchExpressions);
  }

  /** One matchExpression. */
  public record Requirement(String key, String operator, List<String> values) {
    public Requirement {
      values = List.copyOf(values);
    }
  }

  public boolean matches(Map<String, String> labels) {
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (Requirement r : matchExpressions) {
      String value = labels.get(r.key());
      boolean ok =
          switch (r.operator()) {
            case "In" -> value != null && r.values().contains(value);
            case "NotIn" -> value == null || !r.values().contains(value);
            case "Exists" -> labels.containsKey(r.key());
            case "DoesNotExist" -> !labels.containsKey(r.key());
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
