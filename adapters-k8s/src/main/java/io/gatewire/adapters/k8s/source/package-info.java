/**
 * The cluster source: fabric8 informers on the Gateway API kinds and the objects routes point at,
 * read through the one manifest decoder into {@link io.gatewire.domain.model.GatewayResources}.
 * Entry point: {@link io.gatewire.adapters.k8s.source.KubernetesConfigurationSource}; the served
 * version of each kind is chosen by {@link io.gatewire.adapters.k8s.source.ServedVersions}.
 */
package io.gatewire.adapters.k8s.source;
