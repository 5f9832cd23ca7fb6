/**
 * The one door bootstrap uses to a cluster, so that no fabric8 type leaks out of this adapter:
 * {@link io.gatewire.adapters.k8s.cluster.KubernetesCluster} connects and hands out the cluster's
 * ports (the configuration source).
 */
package io.gatewire.adapters.k8s.cluster;
