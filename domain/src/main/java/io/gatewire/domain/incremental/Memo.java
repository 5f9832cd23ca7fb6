package io.gatewire.domain.incremental;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One kind of remembered computation in a {@link Memos} table: per key, the value computed last and
 * what it depended on. A value is reused when its inputs are the same as then (the same instance,
 * or equal), every answer it looked up is still the same, and it is handed back as the very
 * instance computed then; otherwise it is computed again and replaces the old one. Not thread-safe.
 *
 * @param <K> the key: what the value is for (a route, a cluster name, ...)
 * @param <V> the value
 */
public final class Memo<K, V> {
  private final Memos table;
  private final Map<K, Memos.Entry> entries = new HashMap<>();

  /** How many of the entries were used in the current generation. */
  private int used;

  Memo(Memos table) {
    this.table = table;
  }

  /**
   * The value for {@code key}: the remembered one when it was computed from the same {@code
   * inputs}, else {@code compute}'s.
   */
  public V get(K key, Object inputs, Supplier<V> compute) {
    return get(key, inputs, q -> null, lookup -> compute.get());
  }

  /**
   * Like {@link #get(Object, Object, Supplier)} for a computation that also looks things up: {@code
   * compute} is given {@code lookup} to ask through, every question it asks is recorded with the
   * answer, and the remembered value holds only while {@code lookup} still gives the same answers.
   */
  public <Q, A> V get(
      K key, Object inputs, Function<Q, A> lookup, Function<Function<Q, A>, V> compute) {
    return get(key, inputs, null, lookup, compute);
  }

  /**
   * Like {@link #get(Object, Object, Function, Function)} for a {@code lookup} that answers from
   * {@code source} alone: while the source is the same as when the value was computed, every answer
   * is the same, so the recorded questions are not asked again. Only when the source differs are
   * they asked, one by one. Compare a source by identity ({@link SameInstances}): it is checked for
   * every entry.
   */
  @SuppressWarnings("unchecked")
  public <Q, A> V get(
      K key,
      Object inputs,
      Object source,
      Function<Q, A> lookup,
      Function<Function<Q, A>, V> compute) {
    Memos.Entry entry = entries.get(key);
    if (entry != null && entry.holds(inputs, source, (Function<Object, Object>) lookup)) {
      table.reuse(entry);
      return (V) entry.value();
    }
    Memos.Entry computed =
        table.compute(
            this,
            inputs,
            source,
            (Function<Object, Object>) lookup,
            recording -> compute.apply((Function<Q, A>) recording));
    Memos.Entry replaced = entries.put(key, computed);
    if (replaced != null && replaced.displace(table.generation())) {
      used--;
    }
    used++;
    return (V) computed.value();
  }

  /**
   * The value for {@code key} made from {@code inputs}: the remembered one when they are the same
   * as last time; otherwise {@code update}'s, which is given the inputs and the value remembered
   * (both null the first time) to reuse what it can of them. For a value made of many parts, such
   * as a list whose items mostly stay as they were, walking the old and new inputs side by side is
   * cheaper than remembering every part on its own.
   */
  @SuppressWarnings("unchecked")
  public <I> V update(K key, I inputs, BiFunction<I, V, V> update) {
    Memos.Entry entry = entries.get(key);
    if (entry != null && entry.holds(inputs, null, q -> null)) {
      table.reuse(entry);
      return (V) entry.value();
    }
    I previousInputs = entry == null ? null : (I) entry.inputs();
    V previousValue = entry == null ? null : (V) entry.value();
    return get(key, inputs, () -> update.apply(previousInputs, previousValue));
  }

  int size() {
    return entries.size();
  }

  /** Counts an entry of this memo used for the first time in the current generation. */
  void countUsed() {
    used++;
  }

  /** Forgets the entries not used in {@code generation}, which ends. */
  void endGeneration(long generation) {
    if (used != entries.size()) {
      entries.values().removeIf(entry -> !entry.usedIn(generation));
    }
    used = 0;
  }
}
