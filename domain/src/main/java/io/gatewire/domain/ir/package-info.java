/**
 * The intermediate representation between the Gateway API and Envoy: listeners, route
 * configurations, virtual hosts, routes, clusters and their per-backend localities, each with the
 * {@link io.gatewire.domain.metadata.ResourceMetadata} naming where it came from. Every list is
 * sorted so that the same input always gives the same IR. Nullable fields are documented as such.
 */
package io.gatewire.domain.ir;
