/**
 * A real Kubernetes API server for tests ({@link io.gatewire.testkit.kube.KubeApiServer}): etcd and
 * kube-apiserver built from pinned Go modules, RBAC, static tokens, the Gateway API CRDs; it can be
 * restarted, have its etcd restarted and compacted.
 */
package io.gatewire.testkit.kube;
