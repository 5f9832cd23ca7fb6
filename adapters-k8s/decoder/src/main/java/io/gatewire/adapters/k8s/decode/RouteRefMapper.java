package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Fields.optionalInt;
import static io.gatewire.adapters.k8s.decode.Fields.orDefault;
import static io.gatewire.adapters.k8s.decode.Fields.requiredText;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendObjectReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.ParentRef;
import java.util.List;
import java.util.Optional;

/**
 * The references every route kind shares, with their CRD defaults: a parentRef is a Gateway of
 * group gateway.networking.k8s.io, a backendRef a core Service with weight 1.
 */
final class RouteRefMapper {
  private static final int DEFAULT_WEIGHT = 1;

  List<ParentRef> parentRefs(List<ParentReference> refs, FieldPath path) {
    return Fields.mapEach(refs, path, this::parentRef);
  }

  private ParentRef parentRef(ParentReference ref, FieldPath path) {
    return new ParentRef(
        orDefault(ref.getGroup(), GatewayApi.GROUP),
        orDefault(ref.getKind(), "Gateway"),
        Optional.ofNullable(ref.getNamespace()),
        requiredText(ref.getName(), path.field("name")),
        Optional.ofNullable(ref.getSectionName()),
        optionalInt(ref.getPort()));
  }

  BackendRef backendRef(
      io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendRef ref, FieldPath path) {
    return backendRef(
        ref.getGroup(),
        ref.getKind(),
        ref.getNamespace(),
        ref.getName(),
        ref.getPort(),
        ref.getWeight(),
        path);
  }

  BackendRef backendRef(HTTPBackendRef ref, FieldPath path) {
    return backendRef(
        ref.getGroup(),
        ref.getKind(),
        ref.getNamespace(),
        ref.getName(),
        ref.getPort(),
        ref.getWeight(),
        path);
  }

  BackendRef backendRef(GRPCBackendRef ref, FieldPath path) {
    return backendRef(
        ref.getGroup(),
        ref.getKind(),
        ref.getNamespace(),
        ref.getName(),
        ref.getPort(),
        ref.getWeight(),
        path);
  }

  /** A mirror's backendRef, which carries no weight. */
  BackendRef backendRef(BackendObjectReference ref, FieldPath path) {
    return backendRef(
        ref.getGroup(),
        ref.getKind(),
        ref.getNamespace(),
        ref.getName(),
        ref.getPort(),
        null,
        path);
  }

  private static BackendRef backendRef(
      String group,
      String kind,
      String namespace,
      String name,
      Integer port,
      Integer weight,
      FieldPath path) {
    return new BackendRef(
        orDefault(group, GatewayApi.CORE_GROUP),
        orDefault(kind, "Service"),
        Optional.ofNullable(namespace),
        requiredText(name, path.field("name")),
        optionalInt(port),
        orDefault(weight, DEFAULT_WEIGHT));
  }
}
