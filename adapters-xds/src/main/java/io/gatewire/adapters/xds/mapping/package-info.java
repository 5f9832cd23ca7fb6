/**
 * IR to Envoy v3 protos: one mapper per xDS type (listener, route, cluster, endpoint, secret), the
 * route's match, action and header pieces, and the provenance metadata of docs/metadata.md. Mappers
 * keep the IR's order, so the same IR always gives the same protos. They remember what they built
 * for each IR value (bounded to what the latest publishes used), so equal IR gives the very same
 * proto instances: unchanged resources are neither rebuilt nor re-versioned.
 */
package io.gatewire.adapters.xds.mapping;
