/**
 * Writes Gateway API status back to the cluster: {@link
 * io.gatewire.adapters.k8s.status.KubernetesStatusWriter} takes each translation's statuses, merges
 * them into the objects' current status (keeping other controllers' route parents and unchanged
 * conditions' transition times) and writes through the status subresource only what changed, on one
 * writer thread, while this instance leads.
 */
package io.gatewire.adapters.k8s.status;
