package io.gatewire.domain.ir;

import java.util.List;

/**
 * Identity comparisons for memoisation: a step that hands back the very instances it was given last
 * time is recognised without deep equality on large records.
 */
public final class Instances {
  private Instances() {}

  /** Whether both lists hold the same instances in the same order. */
  public static boolean same(List<?> a, List<?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }
}
