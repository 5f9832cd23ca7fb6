package io.gatewire.domain.model;

/** Names the Gateway API fixes. */
public final class GatewayApi {
  public static final String GROUP = "gateway.networking.k8s.io";
  public static final String V1 = GROUP + "/v1";
  public static final String CORE_GROUP = "";
  public static final String MCS_GROUP = "multicluster.x-k8s.io";
  public static final String ENVOY_GATEWAY_GROUP = "gateway.envoyproxy.io";

  private GatewayApi() {}
}
