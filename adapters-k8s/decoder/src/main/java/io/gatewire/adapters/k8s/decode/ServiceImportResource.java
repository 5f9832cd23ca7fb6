package io.gatewire.adapters.k8s.decode;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/**
 * The typed model of an MCS ServiceImport ({@code multicluster.x-k8s.io/v1alpha1}), which fabric8
 * does not have: only the fields Gatewire reads; others are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ServiceImportResource(ObjectMeta metadata, Spec spec) {

  /** {@code spec}: ClusterSetIP or Headless, the cluster-set IPs and the ports. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Spec(String type, List<String> ips, List<Port> ports) {}

  /** One port of the imported service. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Port(String name, Integer port, String protocol, String appProtocol) {}
}
