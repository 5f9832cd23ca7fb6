package io.gatewire.adapters.xds.serve;

import io.gatewire.domain.metadata.MetadataOptions;
import java.util.Objects;

/**
 * How to serve: the gRPC port (0 picks a free one, see {@link XdsServing#port()}) and how metadata is
 * emitted.
 */
public record ServingOptions(int port, MetadataOptions metadata) {
  public ServingOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("not a port: " + port);
    }
    Objects.requireNonNull(metadata, "metadata");
  }
}
