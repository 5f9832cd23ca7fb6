package io.gatewire.domain.translate;

/** Resolves the backendRefs of routes. */
@FunctionalInterface
interface Backends {
  ResolvedBackend resolve(BackendLookup lookup);
}
