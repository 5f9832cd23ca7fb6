package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Fields.optionalInt;
import static io.gatewire.adapters.k8s.decode.Fields.orDefault;
import static io.gatewire.adapters.k8s.decode.Fields.required;
import static io.gatewire.adapters.k8s.decode.Fields.requiredText;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.Namespace;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Secret;
import io.gatewire.domain.model.Service;
import io.gatewire.domain.model.ServicePort;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The core and discovery objects routes point at: Service (type ClusterIP by default; clusterIP
 * {@code None} means headless, so no cluster IP), EndpointSlice (its Service named by label),
 * Namespace and Secret ({@code data} base64-decoded, {@code stringData} taken as UTF-8 and winning
 * over {@code data}, as the API server merges them).
 */
final class CoreMapper {
  private static final String DEFAULT_SERVICE_TYPE = "ClusterIP";
  private static final String DEFAULT_SECRET_TYPE = "Opaque";
  private static final String HEADLESS = "None";
  private static final String EXTERNAL_NAME = "ExternalName";
  private static final String DEFAULT_PROTOCOL = "TCP";

  Service service(ObjectMeta meta, ServiceSpec spec) {
    ServiceSpec present = orDefault(spec, new ServiceSpec());
    FieldPath path = FieldPath.SPEC;
    String type = orDefault(present.getType(), DEFAULT_SERVICE_TYPE);
    if (EXTERNAL_NAME.equals(type)) {
      // as the API server requires: Envoy's DNS cluster needs a name to resolve
      requiredText(present.getExternalName(), path.field("externalName"));
    }
    return new Service(
        meta,
        type,
        Optional.ofNullable(present.getClusterIP())
            .filter(ip -> !ip.isEmpty() && !HEADLESS.equals(ip)),
        Optional.ofNullable(present.getExternalName()),
        Fields.mapEach(present.getPorts(), path.field("ports"), CoreMapper::servicePort));
  }

  private static ServicePort servicePort(
      io.fabric8.kubernetes.api.model.ServicePort port, FieldPath path) {
    return new ServicePort(
        port.getName(),
        required(port.getPort(), path.field("port")),
        orDefault(port.getProtocol(), DEFAULT_PROTOCOL),
        Optional.ofNullable(port.getAppProtocol()));
  }

  EndpointSlice endpointSlice(
      ObjectMeta meta, io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice slice) {
    FieldPath path = FieldPath.ROOT;
    String serviceName =
        Optional.ofNullable(meta.labels().get(EndpointSlice.SERVICE_NAME_LABEL))
            .or(() -> Optional.ofNullable(meta.labels().get(EndpointSlice.MCS_SERVICE_NAME_LABEL)))
            .orElse("");
    return new EndpointSlice(
        meta,
        serviceName,
        requiredText(slice.getAddressType(), path.field("addressType")),
        Fields.mapEach(slice.getPorts(), path.field("ports"), CoreMapper::slicePort),
        Fields.mapEach(slice.getEndpoints(), path.field("endpoints"), CoreMapper::endpoint));
  }

  private static EndpointSlice.Port slicePort(EndpointPort port, FieldPath path) {
    return new EndpointSlice.Port(
        port.getName(),
        optionalInt(port.getPort()),
        orDefault(port.getProtocol(), DEFAULT_PROTOCOL));
  }

  private static EndpointSlice.Endpoint endpoint(Endpoint endpoint, FieldPath path) {
    return new EndpointSlice.Endpoint(
        Fields.list(endpoint.getAddresses()),
        endpoint.getConditions() == null ? null : endpoint.getConditions().getReady(),
        Optional.ofNullable(endpoint.getZone()),
        Optional.ofNullable(endpoint.getTargetRef())
            .filter(ref -> ref.getName() != null)
            .map(CoreMapper::targetRef));
  }

  private static ObjectRef targetRef(ObjectReference ref) {
    return new ObjectRef(orDefault(ref.getKind(), ""), ref.getNamespace(), ref.getName());
  }

  Namespace namespace(ObjectMeta meta, io.fabric8.kubernetes.api.model.Namespace namespace) {
    return new Namespace(meta);
  }

  Secret secret(ObjectMeta meta, io.fabric8.kubernetes.api.model.Secret secret) {
    Map<String, byte[]> data = new LinkedHashMap<>();
    FieldPath dataPath = FieldPath.ROOT.field("data");
    Fields.map(secret.getData())
        .forEach((key, value) -> data.put(key, base64(value, dataPath.key(key))));
    Fields.map(secret.getStringData())
        .forEach(
            (key, value) -> data.put(key, orDefault(value, "").getBytes(StandardCharsets.UTF_8)));
    return new Secret(meta, orDefault(secret.getType(), DEFAULT_SECRET_TYPE), data);
  }

  private static byte[] base64(String value, FieldPath path) {
    String compact = orDefault(value, "").replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(path, "not valid base64: " + e.getMessage());
    }
  }
}
