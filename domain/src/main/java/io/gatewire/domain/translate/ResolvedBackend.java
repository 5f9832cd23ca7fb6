package io.gatewire.domain.translate;

import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.ObjectMeta;
import java.util.List;
import java.util.OptionalInt;

/**
 * The outcome of resolving one backendRef: either the backend object, or the reason it cannot be
 * used (a {@code ResolvedRefs} reason and a message for status). Its endpoints are not part of it:
 * they come later, from {@link BackendEndpoints}, so that EndpointSlices change nothing else.
 */
sealed interface ResolvedBackend {

  /**
   * A usable backend: its object (a Service, ServiceImport or Backend), the backendRef port,
   * whether its endpoints are DNS names (an ExternalName Service, a Backend with an FQDN), and the
   * appProtocols its port declares ({@link AppProtocols}).
   */
  record Found(KubernetesObject backend, OptionalInt port, boolean dns, List<String> appProtocols)
      implements ResolvedBackend {
    public Found {
      appProtocols = List.copyOf(appProtocols);
    }

    ObjectMeta meta() {
      return backend.meta();
    }

    LocalityPlan.Source source() {
      return new LocalityPlan.Source(backend, port);
    }
  }

  /** A backendRef that cannot be used. */
  record Invalid(String reason, String message) implements ResolvedBackend {}
}
