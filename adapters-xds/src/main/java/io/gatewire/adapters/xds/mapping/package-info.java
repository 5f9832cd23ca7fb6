/**
 * IR to Envoy v3 protos: one mapper per xDS type (listener, route, cluster, endpoint, secret), the
 * route's match, action and header pieces, and the provenance metadata of docs/metadata.md. Mappers
 * are functions of the IR: they keep its order, so the same IR always gives the same protos, and
 * they build anew every time they are asked. Equal metadata and endpoints share one instance. What
 * is reused from one publish to the next is the serving side's business ({@code serve}).
 */
package io.gatewire.adapters.xds.mapping;
