/**
 * IR to Envoy v3 protos: one mapper per xDS type (listener, route, cluster, endpoint, secret), the
 * route's match, action and header pieces, and the provenance metadata of {@code METADATA.md}.
 * Mappers are stateless and keep the IR's order, so the same IR always gives the same protos.
 */
package io.gatewire.adapters.xds.mapping;
