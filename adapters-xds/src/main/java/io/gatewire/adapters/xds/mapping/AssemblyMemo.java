package io.gatewire.adapters.xds.mapping;

import io.gatewire.domain.ir.Instances;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Remembers, per resource name, the message assembled from a list of already built parts (virtual
 * hosts, locality endpoints): when the parts are the very same instances as last time, the previous
 * message is returned, so one changed virtual host rebuilds its route configuration and nothing
 * else does. Bounded like {@link LiveMemo}. Not thread-safe.
 */
final class AssemblyMemo<V> {
  private record Assembled<V>(List<?> parts, V value) {}

  private Map<String, Assembled<V>> current = new HashMap<>();
  private Map<String, Assembled<V>> previous = new HashMap<>();

  V get(String name, List<?> parts, Supplier<V> build) {
    Assembled<V> known = current.get(name);
    if (known == null) {
      known = previous.get(name);
    }
    if (known == null || !Instances.same(known.parts(), parts)) {
      known = new Assembled<>(parts, build.get());
    }
    current.put(name, known);
    return known.value();
  }

  /** The entries held, for the current and previous generations. */
  int size() {
    return current.size() + previous.size();
  }

  void roll() {
    previous = current;
    current = new HashMap<>(Math.max(16, previous.size() * 4 / 3 + 1));
  }
}
