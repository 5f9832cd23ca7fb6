package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Fields.orDefault;
import static io.gatewire.adapters.k8s.decode.Fields.required;
import static io.gatewire.adapters.k8s.decode.Fields.requiredText;

import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.ServiceImport;
import io.gatewire.domain.model.ServicePort;
import java.util.Map;
import java.util.Optional;

/**
 * MCS ServiceImport: {@code spec.type} (ClusterSetIP or Headless) is required; port protocols
 * default to TCP.
 */
final class ServiceImportMapper {
  private static final Map<String, String> TYPES =
      Map.of("ClusterSetIP", "ClusterSetIP", "Headless", "Headless");

  ServiceImport serviceImport(ObjectMeta meta, ServiceImportResource.Spec spec) {
    FieldPath path = FieldPath.SPEC;
    ServiceImportResource.Spec present = required(spec, path);
    return new ServiceImport(
        meta,
        Fields.oneOf(requiredText(present.type(), path.field("type")), path.field("type"), TYPES),
        Fields.list(present.ips()),
        Fields.mapEach(present.ports(), path.field("ports"), ServiceImportMapper::port));
  }

  private static ServicePort port(ServiceImportResource.Port port, FieldPath path) {
    return new ServicePort(
        port.name(),
        required(port.port(), path.field("port")),
        orDefault(port.protocol(), "TCP"),
        Optional.ofNullable(port.appProtocol()));
  }
}
