package io.gatewire.domain.translate;

import io.gatewire.domain.model.ObjectMeta;
import java.util.List;
import java.util.OptionalInt;

/**
 * The outcome of resolving one backendRef: either the backend object with its endpoints, or the
 * reason it cannot be used (a {@code ResolvedRefs} reason and a message for status).
 */
sealed interface ResolvedBackend {

  /**
   * A usable backend: its object (for metadata), the backendRef port, its ready endpoints, whether
   * any endpoint is a DNS name, and the appProtocols its port declares ({@link AppProtocols}).
   */
  record Found(
      ObjectMeta backend,
      OptionalInt port,
      List<Endpoint> endpoints,
      boolean dns,
      List<String> appProtocols)
      implements ResolvedBackend {
    public Found {
      endpoints = List.copyOf(endpoints);
      appProtocols = List.copyOf(appProtocols);
    }
  }

  /** A backendRef that cannot be used. */
  record Invalid(String reason, String message) implements ResolvedBackend {}

  /** An address (IP or DNS name), a port and the Pod behind it, if the EndpointSlice names one. */
  record Endpoint(String address, int port, io.gatewire.domain.model.ObjectRef targetRef)
      implements Comparable<Endpoint> {
    @Override
    public int compareTo(Endpoint o) {
      int c = address.compareTo(o.address);
      return c != 0 ? c : Integer.compare(port, o.port);
    }
  }
}
