package io.gatewire.domain.ir;

import io.gatewire.domain.metadata.ResourceMetadata;

/**
 * One Envoy route: a match, what to do, its header changes and CORS policy ({@code cors} null when
 * none), and the HTTPRoute/GRPCRoute it came from.
 */
public record IrRoute(
    String name,
    IrMatch match,
    IrAction action,
    IrHeaderChanges requestHeaders,
    IrHeaderChanges responseHeaders,
    IrCors cors,
    ResourceMetadata metadata) {
  public IrRoute {
    requestHeaders = requestHeaders == null ? IrHeaderChanges.NONE : requestHeaders;
    responseHeaders = responseHeaders == null ? IrHeaderChanges.NONE : responseHeaders;
  }
}
