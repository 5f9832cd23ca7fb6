package io.gatewire.domain.translate;

import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.Service;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The resolution of each (Service, port) of the previous translation, with the Service and slices
 * it was made from: when they are unchanged the previous result (the same instance) is returned, so
 * plans that depend on it are recognised as unchanged without comparing endpoint lists. Only the
 * latest translation's are kept.
 */
final class ServiceEndpointsMemo {
  private record Key(String namespace, String name, int port) {}

  private record Entry(Service service, List<EndpointSlice> slices, ResolvedBackend result) {}

  private Map<Key, Entry> current = new HashMap<>();
  private Map<Key, Entry> previous = new HashMap<>();

  ResolvedBackend resolve(
      Service service, int port, List<EndpointSlice> slices, Supplier<ResolvedBackend> resolve) {
    Key key = new Key(service.meta().namespace(), service.meta().name(), port);
    Entry entry = current.get(key);
    if (entry == null) {
      entry = previous.get(key);
    }
    if (entry == null || !entry.service().equals(service) || !entry.slices().equals(slices)) {
      entry = new Entry(service, slices, resolve.get());
    }
    current.put(key, entry);
    return entry.result();
  }

  /** The entries held, for the current and previous translations. */
  int size() {
    return current.size() + previous.size();
  }

  /** Ends a translation: only the resolutions made in it are kept. */
  void roll() {
    previous = current;
    current = new HashMap<>(Math.max(16, previous.size() * 4 / 3 + 1));
  }
}
