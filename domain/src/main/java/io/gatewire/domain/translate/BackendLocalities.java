package io.gatewire.domain.translate;

import io.gatewire.domain.ir.IrEndpoint;
import io.gatewire.domain.ir.IrLocality;
import io.gatewire.domain.metadata.ProvenanceRules;
import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.metadata.ResourceOrigin;
import java.util.ArrayList;
import java.util.List;

/**
 * The locality of one resolved backendRef: its endpoints, its weight and the backend's metadata
 * (and, with endpoint metadata on, the backend and Pod on every endpoint).
 */
final class BackendLocalities {
  private final ProvenanceRules provenance;

  BackendLocalities(ProvenanceRules provenance) {
    this.provenance = provenance;
  }

  IrLocality locality(String region, int weight, ResolvedBackend.Found found) {
    ResourceMetadata backendMetadata = provenance.backendLocality(found.backend(), found.port());
    List<IrEndpoint> endpoints = new ArrayList<>();
    for (ResolvedBackend.Endpoint e : found.endpoints()) {
      ResourceMetadata endpointMetadata = ResourceMetadata.NONE;
      if (provenance.options().endpointMetadata()) {
        endpointMetadata = backendMetadata;
        if (e.targetRef() != null) {
          endpointMetadata =
              endpointMetadata.union(
                  ResourceMetadata.of(
                      new ResourceOrigin(
                          e.targetRef().kind(),
                          "v1",
                          e.targetRef().namespace(),
                          e.targetRef().name(),
                          null,
                          null,
                          null)));
        }
      }
      endpoints.add(new IrEndpoint(e.address(), e.port(), endpointMetadata));
    }
    return new IrLocality(region, weight, endpoints, backendMetadata);
  }
}
