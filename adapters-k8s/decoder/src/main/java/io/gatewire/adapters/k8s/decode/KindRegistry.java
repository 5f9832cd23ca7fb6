package io.gatewire.adapters.k8s.decode;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.ProxySettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The table of every apiVersion and kind Gatewire reads, each with its typed model and its mapper.
 * Older served versions map to the same records as v1.
 */
final class KindRegistry {
  private static final String V1 = GatewayApi.GROUP + "/v1";
  private static final String V1BETA1 = GatewayApi.GROUP + "/v1beta1";
  private static final String V1ALPHA2 = GatewayApi.GROUP + "/v1alpha2";
  private static final String V1ALPHA3 = GatewayApi.GROUP + "/v1alpha3";
  private static final String MCS_V1ALPHA1 = GatewayApi.MCS_GROUP + "/v1alpha1";
  private static final String ENVOY_GATEWAY_V1ALPHA1 = GatewayApi.ENVOY_GATEWAY_GROUP + "/v1alpha1";

  private final Map<String, ResourceKind<?, ?>> kinds = new HashMap<>();

  KindRegistry() {
    RouteRefMapper refs = new RouteRefMapper();
    HttpFilterMapper filters = new HttpFilterMapper(refs);
    GatewayMapper gateways = new GatewayMapper();
    HttpRouteMapper httpRoutes = new HttpRouteMapper(refs, filters);
    GrpcRouteMapper grpcRoutes = new GrpcRouteMapper(refs, filters);
    L4RouteMapper l4Routes = new L4RouteMapper(refs);
    ReferenceGrantMapper grants = new ReferenceGrantMapper();
    CoreMapper core = new CoreMapper();

    clusterScoped(
        V1,
        "GatewayClass",
        io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass::getSpec,
        gateways::gatewayClass);
    clusterScoped(
        V1BETA1,
        "GatewayClass",
        io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.GatewayClass.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.GatewayClass::getSpec,
        gateways::gatewayClass);
    namespaced(
        V1,
        "Gateway",
        io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway::getSpec,
        gateways::gateway);
    namespaced(
        V1BETA1,
        "Gateway",
        io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.Gateway.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.Gateway::getSpec,
        gateways::gateway);

    namespaced(
        V1,
        "HTTPRoute",
        io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute::getSpec,
        httpRoutes::route);
    namespaced(
        V1BETA1,
        "HTTPRoute",
        io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.HTTPRoute.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.HTTPRoute::getSpec,
        httpRoutes::route);
    namespaced(
        V1,
        "GRPCRoute",
        io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute::getSpec,
        grpcRoutes::route);
    namespaced(
        V1ALPHA2,
        "GRPCRoute",
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.GRPCRoute.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.GRPCRoute::getSpec,
        grpcRoutes::route);

    namespaced(
        V1,
        "TLSRoute",
        io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute::getSpec,
        l4Routes::tlsRoute);
    namespaced(
        V1ALPHA3,
        "TLSRoute",
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha3.TLSRoute.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha3.TLSRoute::getSpec,
        l4Routes::tlsRoute);
    namespaced(
        V1ALPHA2,
        "TLSRoute",
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRoute.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRoute::getSpec,
        l4Routes::tlsRouteV1alpha2);
    namespaced(
        V1,
        "TCPRoute",
        io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRoute.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1.TCPRoute::getSpec,
        l4Routes::tcpRoute);
    namespaced(
        V1ALPHA2,
        "TCPRoute",
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRoute.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRoute::getSpec,
        l4Routes::tcpRouteV1alpha2);
    namespaced(
        V1,
        "UDPRoute",
        io.fabric8.kubernetes.api.model.gatewayapi.v1.UDPRoute.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1.UDPRoute::getSpec,
        l4Routes::udpRoute);
    namespaced(
        V1ALPHA2,
        "UDPRoute",
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.UDPRoute.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.UDPRoute::getSpec,
        l4Routes::udpRouteV1alpha2);

    namespaced(
        V1,
        "ReferenceGrant",
        io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant::getSpec,
        grants::referenceGrant);
    namespaced(
        V1BETA1,
        "ReferenceGrant",
        io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant::getSpec,
        grants::referenceGrant);
    namespaced(
        V1ALPHA2,
        "ReferenceGrant",
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.ReferenceGrant.class,
        io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.ReferenceGrant::getSpec,
        grants::referenceGrant);

    namespaced(
        "v1",
        "Service",
        io.fabric8.kubernetes.api.model.Service.class,
        io.fabric8.kubernetes.api.model.Service::getSpec,
        core::service);
    namespaced(
        "discovery.k8s.io/v1",
        "EndpointSlice",
        io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class,
        Function.identity(),
        core::endpointSlice);
    clusterScoped(
        "v1",
        "Namespace",
        io.fabric8.kubernetes.api.model.Namespace.class,
        Function.identity(),
        core::namespace);
    namespaced(
        "v1",
        "Secret",
        io.fabric8.kubernetes.api.model.Secret.class,
        Function.identity(),
        core::secret);

    register(
        MCS_V1ALPHA1,
        "ServiceImport",
        new ResourceKind<>(
            ServiceImportResource.class,
            true,
            ServiceImportResource::metadata,
            ServiceImportResource::spec,
            new ServiceImportMapper()::serviceImport));
    register(
        ENVOY_GATEWAY_V1ALPHA1,
        "Backend",
        new ResourceKind<>(
            BackendResource.class,
            true,
            BackendResource::metadata,
            BackendResource::spec,
            new BackendMapper()::backend));
    register(
        ProxySettings.API_VERSION,
        ProxySettings.KIND,
        new ResourceKind<>(
            ProxySettingsResource.class,
            true,
            ProxySettingsResource::metadata,
            ProxySettingsResource::spec,
            new ProxySettingsMapper()::proxySettings));
  }

  Optional<ResourceKind<?, ?>> find(String apiVersion, String kind) {
    return Optional.ofNullable(kinds.get(key(apiVersion, kind)));
  }

  private <T extends HasMetadata, B> void namespaced(
      String apiVersion,
      String kind,
      Class<T> type,
      Function<T, B> body,
      BiFunction<io.gatewire.domain.model.ObjectMeta, B, ? extends KubernetesObject> mapper) {
    register(
        apiVersion,
        kind,
        new ResourceKind<T, B>(type, true, HasMetadata::getMetadata, body, mapper));
  }

  private <T extends HasMetadata, B> void clusterScoped(
      String apiVersion,
      String kind,
      Class<T> type,
      Function<T, B> body,
      BiFunction<io.gatewire.domain.model.ObjectMeta, B, ? extends KubernetesObject> mapper) {
    register(
        apiVersion,
        kind,
        new ResourceKind<T, B>(type, false, HasMetadata::getMetadata, body, mapper));
  }

  private void register(String apiVersion, String kind, ResourceKind<?, ?> resourceKind) {
    kinds.put(key(apiVersion, kind), resourceKind);
  }

  private static String key(String apiVersion, String kind) {
    return apiVersion + " " + kind;
  }
}
