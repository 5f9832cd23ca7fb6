package io.gatewire.domain.ir;

import io.gatewire.domain.metadata.ResourceMetadata;

/**
 * An upstream address (IP or DNS name) and port. {@code metadata} is empty unless per-endpoint
 * metadata is switched on.
 */
public record IrEndpoint(String address, int port, ResourceMetadata metadata) {}
