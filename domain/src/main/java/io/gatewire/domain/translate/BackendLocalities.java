package io.gatewire.domain.translate;

import io.gatewire.domain.metadata.ProvenanceRules;

/** The locality of one resolved backendRef: its weight and the backend's metadata. */
final class BackendLocalities {
  private final ProvenanceRules provenance;

  BackendLocalities(ProvenanceRules provenance) {
    this.provenance = provenance;
  }

  LocalityPlan locality(String region, int weight, ResolvedBackend.Found found) {
    return new LocalityPlan(
        region, weight, provenance.backendLocality(found.meta(), found.port()), found.source());
  }
}
