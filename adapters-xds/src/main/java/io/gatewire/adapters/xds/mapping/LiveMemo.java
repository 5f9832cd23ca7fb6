package io.gatewire.adapters.xds.mapping;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Remembers the protos built for IR values, so that an equal value maps to the very same instance
 * (shared, and versioned once) instead of being built again. A key that is the very instance seen
 * before is found without hashing it (IR records hash deeply), so unchanged IR handed over again
 * costs a pointer lookup. Bounded to what is live: {@link #roll()} forgets every entry that was not
 * asked for since the previous roll, so deleted or changed objects do not accumulate. Not
 * thread-safe.
 */
final class LiveMemo<K, V> {
  private final Map<K, V> byValue = new HashMap<>();
  private Map<K, V> current = new IdentityHashMap<>();
  private Map<K, V> previous = new IdentityHashMap<>();

  V get(K key, Function<K, V> build) {
    V value = current.get(key);
    if (value != null) {
      return value;
    }
    value = previous.get(key);
    if (value == null) {
      value = byValue.get(key);
    }
    if (value == null) {
      value = build.apply(key);
      byValue.put(key, value);
    }
    current.put(key, value);
    return value;
  }

  /** The entries held: by value, and by instance for the current and previous generations. */
  int size() {
    return byValue.size() + current.size() + previous.size();
  }

  /** Ends a generation: from now on only the entries used since the previous roll are kept. */
  void roll() {
    previous = current;
    current = new IdentityHashMap<>();
    Set<V> live = Collections.newSetFromMap(new IdentityHashMap<>());
    live.addAll(previous.values());
    byValue.values().removeIf(value -> !live.contains(value));
  }
}
