package io.gatewire.domain.model;

import java.util.List;

/** Envoy Gateway's Backend: IP and FQDN endpoints (Unix sockets are kept for status only). */
public record Backend(ObjectMeta meta, List<Endpoint> endpoints, List<String> appProtocols)
    implements KubernetesObject {
  public Backend {
    endpoints = List.copyOf(endpoints);
    appProtocols = List.copyOf(appProtocols);
  }

  /** One endpoint of a Backend. */
  public sealed interface Endpoint {}

  /** An IP address and port. */
  public record Ip(String address, int port) implements Endpoint {}

  /** A DNS name and port. */
  public record Fqdn(String hostname, int port) implements Endpoint {}

  /** A Unix domain socket path. */
  public record Unix(String path) implements Endpoint {}
}
