package io.gatewire.domain.model;

import java.util.List;
import java.util.Optional;

/** A core Service: its cluster IP (empty for headless or ExternalName) and ports. */
public record Service(
    ObjectMeta meta,
    String type,
    Optional<String> clusterIp,
    Optional<String> externalName,
    List<ServicePort> ports)
    implements KubernetesObject {
  public Service {
    clusterIp = clusterIp == null ? Optional.empty() : clusterIp;
    externalName = externalName == null ? Optional.empty() : externalName;
    ports = List.copyOf(ports);
  }

  public Optional<ServicePort> port(int number) {
    return ports.stream().filter(p -> p.port() == number).findFirst();
  }
}
