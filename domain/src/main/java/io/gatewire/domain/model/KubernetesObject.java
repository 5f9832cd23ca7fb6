package io.gatewire.domain.model;

/** Any object read from the source; its {@link ObjectMeta} names it. */
public sealed interface KubernetesObject
    permits GatewayClass,
        Gateway,
        Route,
        ReferenceGrant,
        Service,
        EndpointSlice,
        ServiceImport,
        Backend,
        Namespace,
        Secret,
        ProxySettings {
  ObjectMeta meta();

  default ObjectRef ref() {
    return meta().ref();
  }
}
