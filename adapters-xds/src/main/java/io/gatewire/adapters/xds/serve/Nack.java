package io.gatewire.adapters.xds.serve;

/**
 * A client rejected a response: who ({@code nodeId}, {@code nodeCluster}), what ({@code typeUrl},
 * {@code version}: the version of the rejected response) and why ({@code detail}: the client's
 * error_detail message).
 */
record Nack(String nodeId, String nodeCluster, String typeUrl, String version, String detail) {

  /**
   * The type's message name: {@code Cluster} for {@code
   * type.googleapis.com/envoy.config.cluster.v3.Cluster}.
   */
  String shortType() {
    return shortType(typeUrl);
  }

  static String shortType(String typeUrl) {
    return typeUrl.substring(typeUrl.lastIndexOf('.') + 1);
  }
}
