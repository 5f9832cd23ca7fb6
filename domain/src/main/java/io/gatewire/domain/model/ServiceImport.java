package io.gatewire.domain.model;

import java.util.List;

/** A multi-cluster ServiceImport: type ClusterSetIP or Headless, its IPs and ports. */
public record ServiceImport(ObjectMeta meta, String type, List<String> ips, List<ServicePort> ports)
    implements KubernetesObject {
  public ServiceImport {
    ips = List.copyOf(ips);
    ports = List.copyOf(ports);
  }
}
