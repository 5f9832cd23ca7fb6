package io.gatewire.adapters.k8s.source;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** A watched kind in the version the cluster serves. */
record ServedKind(WatchedKind kind, String version) {

  String apiVersion() {
    return kind.apiVersion(version);
  }

  ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(kind.group())
        .withVersion(version)
        .withKind(kind.kind())
        .withPlural(kind.plural())
        .withNamespaced(kind.namespaced())
        .build();
  }

  @Override
  public String toString() {
    return apiVersion() + " " + kind.kind();
  }
}
