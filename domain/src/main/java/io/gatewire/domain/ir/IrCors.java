package io.gatewire.domain.ir;

import java.util.List;

/**
 * A route's CORS policy, as the Gateway API CORS filter writes it: origins ({@code *}, exact, or
 * with {@code *} standing for any characters), methods, allowed and exposed headers, whether
 * credentials are allowed, and the preflight cache time in seconds.
 */
public record IrCors(
    List<String> allowOrigins,
    List<String> allowMethods,
    List<String> allowHeaders,
    List<String> exposeHeaders,
    boolean allowCredentials,
    int maxAge) {
  public IrCors {
    allowOrigins = List.copyOf(allowOrigins);
    allowMethods = List.copyOf(allowMethods);
    allowHeaders = List.copyOf(allowHeaders);
    exposeHeaders = List.copyOf(exposeHeaders);
  }
}
