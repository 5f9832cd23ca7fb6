package io.gatewire.adapters.k8s.status;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Equality of status values as JSON, ignoring {@code lastTransitionTime}: numbers compare by value
 * (a status read back holds Integers where the merge put Longs), maps by their entries whatever
 * their order, lists element by element.
 */
final class StatusComparison {
  static final String LAST_TRANSITION_TIME = "lastTransitionTime";

  private StatusComparison() {}

  static boolean same(Object a, Object b) {
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      return sameMaps(ma, mb);
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) {
        return false;
      }
      for (int i = 0; i < la.size(); i++) {
        if (!same(la.get(i), lb.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Number na && b instanceof Number nb) {
      return integral(na) && integral(nb)
          ? na.longValue() == nb.longValue()
          : na.doubleValue() == nb.doubleValue();
    }
    return Objects.equals(a, b);
  }

  private static boolean sameMaps(Map<?, ?> a, Map<?, ?> b) {
    int compared = 0;
    for (Map.Entry<?, ?> e : a.entrySet()) {
      if (LAST_TRANSITION_TIME.equals(e.getKey())) {
        continue;
      }
      if (!b.containsKey(e.getKey()) || !same(e.getValue(), b.get(e.getKey()))) {
        return false;
      }
      compared++;
    }
    int othersInB = b.size() - (b.containsKey(LAST_TRANSITION_TIME) ? 1 : 0);
    return compared == othersInB;
  }

  private static boolean integral(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
  }
}
