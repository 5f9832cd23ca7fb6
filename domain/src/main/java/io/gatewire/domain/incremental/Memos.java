package io.gatewire.domain.incremental;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A table of named {@link Memo}s, owned by whatever repeats a computation on changing input and
 * ended once per change with {@link #endGeneration()}: from then on only what the latest
 * computation used is remembered, so deleted objects do not accumulate. An entry is used when it is
 * looked up, or when a value computed with it is: a value remembers the entries it used while it
 * was computed, and reusing it keeps them too (reusing a whole translation keeps its route plans).
 * Not thread-safe.
 */
public final class Memos {
  private final Map<String, Memo<?, ?>> memos = new TreeMap<>();

  /** The entries being computed, innermost first: each entry used is added to the first. */
  private final Deque<Entry> computing = new ArrayDeque<>();

  private long generation;

  /** The memo named {@code name}, created empty on first use; one name, one key and value type. */
  @SuppressWarnings("unchecked")
  public <K, V> Memo<K, V> memo(String name) {
    return (Memo<K, V>) memos.computeIfAbsent(name, n -> new Memo<>(this));
  }

  /** Ends a generation: every memo forgets the entries not used since the previous call. */
  public void endGeneration() {
    if (!computing.isEmpty()) {
      throw new IllegalStateException("a memoised computation is still running");
    }
    memos.values().forEach(memo -> memo.endGeneration(generation));
    generation++;
  }

  /** The entries each memo holds, by name: what a leak check watches. */
  public Map<String, Integer> sizes() {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    memos.forEach((name, memo) -> sizes.put(name, memo.size()));
    return sizes;
  }

  long generation() {
    return generation;
  }

  void reuse(Entry entry) {
    entry.markUsed(generation);
    Entry outer = computing.peek();
    if (outer != null) {
      outer.child(entry);
    }
  }

  Entry compute(
      Memo<?, ?> memo,
      Object inputs,
      Object source,
      Function<Object, Object> lookup,
      Function<Function<Object, Object>, Object> compute) {
    Entry entry = new Entry(memo, inputs, source, generation);
    Function<Object, Object> recording =
        question -> {
          Object answer = lookup.apply(question);
          entry.read(new Read(question, answer));
          return answer;
        };
    computing.push(entry);
    try {
      entry.value = compute.apply(recording);
    } finally {
      computing.pop();
    }
    Entry outer = computing.peek();
    if (outer != null) {
      outer.child(entry);
    }
    return entry;
  }

  /** Whether two inputs or answers are the same: the same instance, or equal. */
  static boolean same(Object a, Object b) {
    return a == b || (a != null && a.equals(b));
  }

  private record Read(Object question, Object answer) {}

  /** A remembered value with what it was computed from. */
  static final class Entry {
    private final Memo<?, ?> memo;
    private final Object inputs;

    /** What the recorded answers came from, the latest source they held for; null: unknown. */
    private Object source;

    private List<Read> reads = List.of();
    private List<Entry> children = List.of();
    private Object value;
    private long used;

    /** Replaced in its memo by a newer entry for the same key. */
    private boolean displaced;

    private Entry(Memo<?, ?> memo, Object inputs, Object source, long generation) {
      this.memo = memo;
      this.inputs = inputs;
      this.source = source;
      this.used = generation;
    }

    /** Marks this entry replaced; whether it had been used in the current generation. */
    boolean displace(long generation) {
      displaced = true;
      return used == generation;
    }

    private void read(Read read) {
      if (reads.isEmpty()) {
        reads = new ArrayList<>(2);
      }
      reads.add(read);
    }

    private void child(Entry entry) {
      if (children.isEmpty()) {
        children = new ArrayList<>(2);
      }
      children.add(entry);
    }

    Object value() {
      return value;
    }

    Object inputs() {
      return inputs;
    }

    boolean holds(Object currentInputs, Object currentSource, Function<Object, Object> lookup) {
      if (!same(inputs, currentInputs)) {
        return false;
      }
      if (source != null && same(source, currentSource)) {
        return true;
      }
      for (Read read : reads) {
        if (!same(lookup.apply(read.question()), read.answer())) {
          return false;
        }
      }
      // the answers are the same from this source too: it need not ask them again
      source = currentSource;
      return true;
    }

    boolean usedIn(long generation) {
      return used == generation;
    }

    private void markUsed(long generation) {
      if (used == generation) {
        return;
      }
      used = generation;
      if (!displaced) {
        memo.countUsed();
      }
      children.forEach(child -> child.markUsed(generation));
    }
  }
}
