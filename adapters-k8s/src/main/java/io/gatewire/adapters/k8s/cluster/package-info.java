/**
 * The one door bootstrap uses to a cluster, so that no fabric8 type leaks out of this adapter:
 * {@link io.gatewire.adapters.k8s.cluster.KubernetesCluster} connects and hands out the cluster's
 * ports: the configuration source, and status write-back under leader election ({@link
 * io.gatewire.adapters.k8s.cluster.ClusterStatus}).
 */
package io.gatewire.adapters.k8s.cluster;
