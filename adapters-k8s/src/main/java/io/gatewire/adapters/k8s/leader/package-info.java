/**
 * Leader election over a {@code coordination.k8s.io/v1} Lease with fabric8's LeaderElector: several
 * Gatewire replicas serve xDS, and only the leader writes status. Losing the lease stops status
 * writes, never serving; the lease is released on close so a rolling restart hands over within
 * about a second.
 */
package io.gatewire.adapters.k8s.leader;
