/**
 * From what an operator sees (an Envoy resource or stat name, a Prometheus label set, an access log
 * line, a request) back to the Kubernetes objects that produced it: {@link
 * io.gatewire.domain.explain.Clue}s say what an input names, {@link
 * io.gatewire.domain.explain.Explainer} finds the objects (Gateway and listener, route and rule,
 * backendRefs, backends and their EndpointSlices) with their status and warnings, and reports what
 * it cannot find instead of guessing.
 */
package io.gatewire.domain.explain;
