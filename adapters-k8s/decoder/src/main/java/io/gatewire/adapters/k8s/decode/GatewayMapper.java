package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Fields.orDefault;
import static io.gatewire.adapters.k8s.decode.Fields.required;
import static io.gatewire.adapters.k8s.decode.Fields.requiredText;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassSpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewaySpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerTLSConfig;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteGroupKind;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteNamespaces;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReference;
import io.gatewire.domain.model.AllowedRoutes;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.GatewayClass;
import io.gatewire.domain.model.LabelSelector;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ListenerProtocol;
import io.gatewire.domain.model.ListenerTls;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.ParametersReference;
import java.util.Map;
import java.util.Optional;

/**
 * GatewayClass and Gateway (v1 and v1beta1 share the v1 spec), with their parametersRef (the
 * class's {@code spec.parametersRef}, the Gateway's {@code spec.infrastructure.parametersRef}). CRD
 * defaults: allowedRoutes from the Same namespace, route kinds in group gateway.networking.k8s.io,
 * TLS mode Terminate, certificateRefs to core Secrets in the Gateway's namespace.
 */
final class GatewayMapper {
  private static final String DEFAULT_TLS_MODE = "Terminate";
  private static final Map<String, AllowedRoutes.From> FROM =
      Map.of(
          "All",
          AllowedRoutes.From.ALL,
          "Same",
          AllowedRoutes.From.SAME,
          "Selector",
          AllowedRoutes.From.SELECTOR);

  GatewayClass gatewayClass(ObjectMeta meta, GatewayClassSpec spec) {
    FieldPath path = FieldPath.SPEC;
    GatewayClassSpec present = required(spec, path);
    return new GatewayClass(
        meta,
        requiredText(present.getControllerName(), path.field("controllerName")),
        Fields.mapOptional(
            present.getParametersRef(),
            path.field("parametersRef"),
            (ref, refPath) ->
                parametersRef(
                    ref.getGroup(),
                    ref.getKind(),
                    Optional.ofNullable(ref.getNamespace()),
                    ref.getName(),
                    refPath)));
  }

  Gateway gateway(ObjectMeta meta, GatewaySpec spec) {
    FieldPath path = FieldPath.SPEC;
    GatewaySpec present = required(spec, path);
    FieldPath infrastructure = path.field("infrastructure");
    return new Gateway(
        meta,
        requiredText(present.getGatewayClassName(), path.field("gatewayClassName")),
        Fields.mapEach(
            present.getListeners(),
            path.field("listeners"),
            (listener, listenerPath) -> listener(listener, listenerPath, meta.namespace())),
        Optional.ofNullable(present.getInfrastructure())
            .flatMap(
                infra ->
                    Fields.mapOptional(
                        infra.getParametersRef(),
                        infrastructure.field("parametersRef"),
                        (ref, refPath) ->
                            parametersRef(
                                ref.getGroup(),
                                ref.getKind(),
                                Optional.empty(),
                                ref.getName(),
                                refPath))));
  }

  /** A parametersRef: kind and name are required, the group may be empty (the core group). */
  private static ParametersReference parametersRef(
      String group, String kind, Optional<String> namespace, String name, FieldPath path) {
    return new ParametersReference(
        orDefault(group, GatewayApi.CORE_GROUP),
        requiredText(kind, path.field("kind")),
        namespace.filter(ns -> !ns.isEmpty()),
        requiredText(name, path.field("name")));
  }

  private static Listener listener(
      io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener listener,
      FieldPath path,
      String namespace) {
    return new Listener(
        requiredText(listener.getName(), path.field("name")),
        Optional.ofNullable(listener.getHostname()),
        required(listener.getPort(), path.field("port")),
        ListenerProtocol.parse(requiredText(listener.getProtocol(), path.field("protocol"))),
        Fields.mapOptional(
            listener.getTls(), path.field("tls"), (tls, tlsPath) -> tls(tls, tlsPath, namespace)),
        Fields.mapOptional(
                listener.getAllowedRoutes(),
                path.field("allowedRoutes"),
                GatewayMapper::allowedRoutes)
            .orElse(AllowedRoutes.SAME_NAMESPACE));
  }

  private static ListenerTls tls(ListenerTLSConfig tls, FieldPath path, String namespace) {
    return new ListenerTls(
        orDefault(tls.getMode(), DEFAULT_TLS_MODE),
        Fields.mapEach(
            tls.getCertificateRefs(),
            path.field("certificateRefs"),
            (ref, refPath) -> secretRef(ref, refPath, namespace)));
  }

  private static ListenerTls.SecretRef secretRef(
      SecretObjectReference ref, FieldPath path, String namespace) {
    return new ListenerTls.SecretRef(
        orDefault(ref.getGroup(), GatewayApi.CORE_GROUP),
        orDefault(ref.getKind(), "Secret"),
        orDefault(ref.getNamespace(), namespace),
        requiredText(ref.getName(), path.field("name")));
  }

  private static AllowedRoutes allowedRoutes(
      io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedRoutes allowed, FieldPath path) {
    RouteNamespaces namespaces = orDefault(allowed.getNamespaces(), new RouteNamespaces());
    FieldPath namespacesPath = path.field("namespaces");
    return new AllowedRoutes(
        Fields.oneOf(orDefault(namespaces.getFrom(), "Same"), namespacesPath.field("from"), FROM),
        Fields.mapOptional(
            namespaces.getSelector(), namespacesPath.field("selector"), GatewayMapper::selector),
        Fields.mapEach(allowed.getKinds(), path.field("kinds"), GatewayMapper::routeKind));
  }

  private static AllowedRoutes.RouteGroupKind routeKind(RouteGroupKind kind, FieldPath path) {
    return new AllowedRoutes.RouteGroupKind(
        orDefault(kind.getGroup(), GatewayApi.GROUP),
        requiredText(kind.getKind(), path.field("kind")));
  }

  private static LabelSelector selector(
      io.fabric8.kubernetes.api.model.LabelSelector selector, FieldPath path) {
    return new LabelSelector(
        Fields.map(selector.getMatchLabels()),
        Fields.mapEach(
            selector.getMatchExpressions(),
            path.field("matchExpressions"),
            GatewayMapper::requirement));
  }

  private static LabelSelector.Requirement requirement(
      LabelSelectorRequirement requirement, FieldPath path) {
    return new LabelSelector.Requirement(
        requiredText(requirement.getKey(), path.field("key")),
        requiredText(requirement.getOperator(), path.field("operator")),
        Fields.list(requirement.getValues()));
  }
}
