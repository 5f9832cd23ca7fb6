package io.gatewire.domain.ir;

import io.gatewire.domain.metadata.ResourceMetadata;
import java.util.List;

/**
 * The endpoints of one backendRef. {@code region} is {@code <cluster>/backend/<index>}, unique even
 * when two refs name the same Service; {@code weight} is the backendRef weight (never 0).
 */
public record IrLocality(
    String region, int weight, List<IrEndpoint> endpoints, ResourceMetadata metadata) {
  public IrLocality {
    endpoints = List.copyOf(endpoints);
  }
}
