package io.gatewire.domain.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An EndpointSlice; {@code serviceName} comes from label {@code kubernetes.io/service-name} (or,
 * for a ServiceImport's slices, {@code multicluster.kubernetes.io/service-name}).
 */
public record EndpointSlice(
    ObjectMeta meta,
    String serviceName,
    String addressType,
    List<Port> ports,
    List<Endpoint> endpoints)
    implements KubernetesObject {
  public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  public static final String MCS_SERVICE_NAME_LABEL = "multicluster.kubernetes.io/service-name";

  public EndpointSlice {
    ports = List.copyOf(ports);
    endpoints = List.copyOf(endpoints);
  }

  /** A slice port: name (empty when unnamed) and number. */
  public record Port(String name, OptionalInt port, String protocol) {
    public Port {
      name = name == null ? "" : name;
    }
  }

  /** One endpoint; {@code ready} is null when unknown, which Kubernetes reads as ready. */
  public record Endpoint(
      List<String> addresses, Boolean ready, Optional<String> zone, Optional<ObjectRef> targetRef) {
    public Endpoint {
      addresses = List.copyOf(addresses);
      zone = zone == null ? Optional.empty() : zone;
      targetRef = targetRef == null ? Optional.empty() : targetRef;
    }

    public boolean isReady() {
      return ready == null || ready;
    }
  }
}
