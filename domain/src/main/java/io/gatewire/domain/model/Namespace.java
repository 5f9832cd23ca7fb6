package io.gatewire.domain.model;

/** A Namespace; its labels drive {@code allowedRoutes} selectors. */
public record Namespace(ObjectMeta meta) implements KubernetesObject {}
