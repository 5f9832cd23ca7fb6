package io.gatewire.domain.translate;

import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.model.KubernetesObject;
import java.util.OptionalInt;

/**
 * One backendRef's locality before its endpoints are known: region {@code <cluster>/backend/<k>},
 * the backendRef's weight, the backend's metadata, and where its endpoints come from.
 */
record LocalityPlan(String region, int weight, ResourceMetadata metadata, Source source) {

  /**
   * A resolved backend (a Service, ServiceImport or Backend) and the backendRef's port: what {@link
   * BackendEndpoints} reads the endpoints of.
   */
  record Source(KubernetesObject backend, OptionalInt port) {}
}
