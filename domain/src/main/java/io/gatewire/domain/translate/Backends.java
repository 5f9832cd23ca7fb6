package io.gatewire.domain.translate;

import io.gatewire.domain.model.BackendRef;

/** Resolves the backendRefs of a route of kind {@code routeKind} in {@code routeNamespace}. */
interface Backends {
  ResolvedBackend resolve(BackendRef ref, String routeKind, String routeNamespace);
}
