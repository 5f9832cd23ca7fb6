package io.gatewire.adapters.xds.mapping;

import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.metadata.ResourceOrigin;
import java.util.Locale;

/**
 * The zone of a backendRef's locality names its backend, {@code <kind, lower case>/<namespace>/
 * <name>[/<port>]} with every {@code .} as {@code _} ({@code service/shop/cart/8080}). Envoy counts
 * the requests of a cluster per upstream zone ({@code cluster.<cluster>.zone.<local
 * zone>.<zone>.*}, once the bootstrap gives the node a zone), which is how Prometheus sees requests
 * per backend. Locality-weighted balancing ignores zones, and the region still tells the localities
 * apart.
 */
final class BackendZones {
  private BackendZones() {}

  /** The zone of a locality with {@code metadata}; empty when it names no backend. */
  static String of(ResourceMetadata metadata) {
    if (metadata.isEmpty()) {
      return "";
    }
    ResourceOrigin backend = metadata.resources().get(0);
    String zone =
        backend.kind().toLowerCase(Locale.ROOT)
            + "/"
            + backend.namespace()
            + "/"
            + backend.name()
            + (backend.sectionName() == null ? "" : "/" + backend.sectionName());
    return zone.replace('.', '_');
  }
}
