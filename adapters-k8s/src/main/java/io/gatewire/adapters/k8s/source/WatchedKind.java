package io.gatewire.adapters.k8s.source;

import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.ProxySettings;
import java.util.List;

/**
 * A kind the cluster source reads: its API group, plural, scope, the versions Gatewire can decode
 * in order of preference (the first one the cluster serves is watched), and whether the source can
 * run without it. Secrets are not listed here: only referenced ones are watched ({@link
 * ReferencedSecrets}).
 */
record WatchedKind(
    String group,
    String kind,
    String plural,
    boolean namespaced,
    List<String> versions,
    boolean optional) {

  static final WatchedKind SECRET =
      new WatchedKind(GatewayApi.CORE_GROUP, "Secret", "secrets", true, List.of("v1"), false);
  static final WatchedKind NAMESPACE =
      new WatchedKind(
          GatewayApi.CORE_GROUP, "Namespace", "namespaces", false, List.of("v1"), false);

  /**
   * Everything but Secrets. GatewayClass, Gateway, HTTPRoute and ReferenceGrant must be served; the
   * other route kinds are in the experimental channel of older Gateway API releases, MCS
   * ServiceImport and Envoy Gateway Backend are other projects' CRDs, and Gatewire's own
   * ProxySettings CRD is only needed by those who use it: without them the source runs (and logs
   * once that it does not watch them).
   */
  static final List<WatchedKind> CATALOG =
      List.of(
          gatewayApi("GatewayClass", "gatewayclasses", false, false, "v1", "v1beta1"),
          gatewayApi("Gateway", "gateways", true, false, "v1", "v1beta1"),
          gatewayApi("HTTPRoute", "httproutes", true, false, "v1", "v1beta1"),
          gatewayApi("GRPCRoute", "grpcroutes", true, true, "v1", "v1alpha2"),
          gatewayApi("TLSRoute", "tlsroutes", true, true, "v1", "v1alpha3", "v1alpha2"),
          gatewayApi("TCPRoute", "tcproutes", true, true, "v1", "v1alpha2"),
          gatewayApi("UDPRoute", "udproutes", true, true, "v1", "v1alpha2"),
          gatewayApi("ReferenceGrant", "referencegrants", true, false, "v1", "v1beta1", "v1alpha2"),
          new WatchedKind(GatewayApi.CORE_GROUP, "Service", "services", true, List.of("v1"), false),
          new WatchedKind(
              "discovery.k8s.io", "EndpointSlice", "endpointslices", true, List.of("v1"), false),
          NAMESPACE,
          new WatchedKind(
              GatewayApi.MCS_GROUP,
              "ServiceImport",
              "serviceimports",
              true,
              List.of("v1alpha1"),
              true),
          new WatchedKind(
              GatewayApi.ENVOY_GATEWAY_GROUP,
              "Backend",
              "backends",
              true,
              List.of("v1alpha1"),
              true),
          new WatchedKind(
              ProxySettings.GROUP,
              ProxySettings.KIND,
              "proxysettings",
              true,
              List.of("v1alpha1"),
              true));

  WatchedKind {
    versions = List.copyOf(versions);
  }

  private static WatchedKind gatewayApi(
      String kind, String plural, boolean namespaced, boolean optional, String... versions) {
    return new WatchedKind(GatewayApi.GROUP, kind, plural, namespaced, List.of(versions), optional);
  }

  /** The core group has no name: its apiVersion is the bare version. */
  String apiVersion(String version) {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** Core and discovery kinds are built into every API server: no discovery needed. */
  boolean builtIn() {
    return group.isEmpty() || group.equals("discovery.k8s.io");
  }
}
