package io.gatewire.adapters.k8s.decode;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/**
 * The typed model of Envoy Gateway's Backend ({@code gateway.envoyproxy.io/v1alpha1}), which
 * fabric8 does not have: only the fields Gatewire reads; others ({@code tls}, {@code fallback},
 * ...) are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BackendResource(ObjectMeta metadata, Spec spec) {

  /** {@code spec}: the endpoints and the application protocols they speak. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Spec(List<Endpoint> endpoints, List<String> appProtocols) {}

  /** One endpoint: exactly one of {@code ip}, {@code fqdn} and {@code unix}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Endpoint(Ip ip, Fqdn fqdn, Unix unix) {}

  /** An IP address and port. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Ip(String address, Integer port) {}

  /** A DNS name and port. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Fqdn(String hostname, Integer port) {}

  /** A Unix domain socket. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Unix(String path) {}
}
