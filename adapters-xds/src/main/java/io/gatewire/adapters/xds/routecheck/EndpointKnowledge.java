package io.gatewire.adapters.xds.routecheck;

/**
 * What the input says about a backend's endpoints, beyond what the ClusterLoadAssignment shows. A
 * locality without endpoints is either a backend whose endpoints the input simply does not describe
 * (no EndpointSlice, no cluster IP: the conformance data has Deployments instead), which
 * route-check assumes ready, or one whose endpoints are described and none is ready, which Envoy
 * answers with 503.
 */
@FunctionalInterface
public interface EndpointKnowledge {
  /** Every endpoint counts as described: an empty locality is an unready backend. */
  EndpointKnowledge ALL_DESCRIBED = (kind, namespace, name) -> true;

  /** Whether the input describes the endpoints of backend {@code kind namespace/name}. */
  boolean endpointsDescribed(String kind, String namespace, String name);
}
