package io.gatewire.domain.translate;

import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.Warning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * What one translation produced: the IR, the status of every relevant input object, and warnings.
 * Statuses are sorted; a list already sorted and unmodifiable (as a previous result's) is kept as
 * it is.
 */
public record TranslationResult(Ir ir, List<ObjectStatus> statuses, List<Warning> warnings) {
  public TranslationResult {
    statuses = sorted(statuses);
    warnings = List.copyOf(new TreeSet<>(warnings));
  }

  private static List<ObjectStatus> sorted(List<ObjectStatus> statuses) {
    for (int i = 1; i < statuses.size(); i++) {
      if (statuses.get(i - 1).compareTo(statuses.get(i)) > 0) {
        List<ObjectStatus> copy = new ArrayList<>(statuses);
        Collections.sort(copy);
        return List.copyOf(copy);
      }
    }
    return List.copyOf(statuses);
  }
}
