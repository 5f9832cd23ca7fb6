package io.gatewire.domain.translate;

import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.Warning;
import java.util.List;
import java.util.TreeSet;

/** What one translation produced: the IR, the status of every relevant input object, and warnings. */
public record TranslationResult(Ir ir, List<ObjectStatus> statuses, List<Warning> warnings) {
  public TranslationResult {
    statuses = statuses.stream().sorted().toList();
    warnings = List.copyOf(new TreeSet<>(warnings));
  }
}
