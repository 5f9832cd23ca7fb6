package io.gatewire.domain.model;

import java.util.List;

/** A backendRef of an HTTP or gRPC rule, with the filters that apply to it alone. */
public record HttpBackendRef(BackendRef ref, List<HttpFilter> filters) {
  public HttpBackendRef {
    filters = List.copyOf(filters);
  }
}
