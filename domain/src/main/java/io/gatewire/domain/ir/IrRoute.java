package io.gatewire.domain.ir;

import io.gatewire.domain.metadata.ResourceMetadata;

/** One Envoy route: a match, what to do, and the HTTPRoute/GRPCRoute it came from. */
public record IrRoute(String name, IrMatch match, IrAction action, IrHeaderChanges requestHeaders,
    IrHeaderChanges responseHeaders, ResourceMetadata metadata) {
  public IrRoute {
    requestHeaders = requestHeaders == null ? IrHeaderChanges.NONE : requestHeaders;
    responseHeaders = responseHeaders == null ? IrHeaderChanges.NONE : responseHeaders;
  }
}
