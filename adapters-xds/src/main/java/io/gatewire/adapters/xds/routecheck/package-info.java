/**
 * {@code route-check}: what Envoy would do with an HTTP request, evaluated against the Envoy
 * resources Gatewire emits (Listener, RouteConfiguration, Cluster, ClusterLoadAssignment), not the
 * IR, so that it checks exactly what a proxy would get. {@link
 * io.gatewire.adapters.xds.routecheck.RouteChecker} is the entry point for callers that must not
 * see Envoy types; {@link io.gatewire.adapters.xds.routecheck.RouteSimulator} walks the protos;
 * {@link io.gatewire.adapters.xds.routecheck.EchoBackend} models the backend that answers (the
 * Gateway API conformance echo server).
 */
package io.gatewire.adapters.xds.routecheck;
