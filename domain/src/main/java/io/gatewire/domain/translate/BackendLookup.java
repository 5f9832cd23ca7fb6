package io.gatewire.domain.translate;

import io.gatewire.domain.model.BackendRef;

/** One backendRef of a route of kind {@code routeKind} in {@code routeNamespace}, to resolve. */
record BackendLookup(BackendRef ref, String routeKind, String routeNamespace) {}
