package io.gatewire.domain.translate;

import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.Warning;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.TreeSet;

/**
 * What one translation produced: the IR, the status of every relevant input object, and warnings.
 * Statuses are sorted, warnings sorted and distinct; lists this record sorted before (a previous
 * result's) are kept as they are.
 */
public record TranslationResult(Ir ir, List<ObjectStatus> statuses, List<Warning> warnings) {
  public TranslationResult {
    statuses = sorted(statuses, false);
    warnings = sorted(warnings, true);
  }

  /** This result with {@code other} as its IR. */
  public TranslationResult withIr(Ir other) {
    return new TranslationResult(other, statuses, warnings);
  }

  private static <T extends Comparable<T>> List<T> sorted(List<T> items, boolean distinct) {
    if (items instanceof Sorted<T> sorted && sorted.distinct == distinct) {
      return items;
    }
    for (int i = 1; i < items.size(); i++) {
      int order = items.get(i - 1).compareTo(items.get(i));
      if (order > 0 || (distinct && order == 0)) {
        return new Sorted<>(
            distinct ? List.copyOf(new TreeSet<>(items)) : items.stream().sorted().toList(),
            distinct);
      }
    }
    return new Sorted<>(List.copyOf(items), distinct);
  }

  /** An unmodifiable list this record sorted, so it is not checked again when passed on. */
  private static final class Sorted<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> items;
    private final boolean distinct;

    Sorted(List<T> items, boolean distinct) {
      this.items = items;
      this.distinct = distinct;
    }

    @Override
    public T get(int index) {
      return items.get(index);
    }

    @Override
    public int size() {
      return items.size();
    }
  }
}
