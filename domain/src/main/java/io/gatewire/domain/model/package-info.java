/**
 * The Kubernetes objects Gatewire reads, as immutable records: Gateway API kinds, the backends they
 * point at (Service, EndpointSlice, ServiceImport, Envoy Gateway Backend) and the objects that
 * govern access (Namespace, ReferenceGrant, Secret). CRD defaults are already applied by whoever
 * built them.
 */
package io.gatewire.domain.model;
