package io.gatewire.domain.model;

/** A GatewayClass; Gatewire manages those whose controllerName is its own. */
public record GatewayClass(ObjectMeta meta, String controllerName) implements KubernetesObject {}
