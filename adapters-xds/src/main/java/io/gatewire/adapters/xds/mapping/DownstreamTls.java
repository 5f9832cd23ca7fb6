package io.gatewire.adapters.xds.mapping;

import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.gatewire.adapters.xds.proto.TypedConfigs;
import java.util.List;

/**
 * TLS termination: the certificates come from SDS over ADS by secret name. HTTPS offers ALPN with
 * HTTP/2 first so that gRPC works over TLS; terminated TLSRoute connections offer none.
 */
final class DownstreamTls {
  static final String TRANSPORT_SOCKET_NAME = "envoy.transport_sockets.tls";
  static final List<String> ALPN = List.of("h2", "http/1.1");

  private DownstreamTls() {}

  static TransportSocket transportSocket(List<String> secretNames) {
    return transportSocket(secretNames, ALPN);
  }

  static TransportSocket transportSocket(List<String> secretNames, List<String> alpn) {
    CommonTlsContext.Builder common = CommonTlsContext.newBuilder().addAllAlpnProtocols(alpn);
    secretNames.forEach(
        name ->
            common.addTlsCertificateSdsSecretConfigs(
                SdsSecretConfig.newBuilder().setName(name).setSdsConfig(ConfigSources.ads())));
    DownstreamTlsContext context =
        DownstreamTlsContext.newBuilder().setCommonTlsContext(common).build();
    return TransportSocket.newBuilder()
        .setName(TRANSPORT_SOCKET_NAME)
        .setTypedConfig(TypedConfigs.pack(context))
        .build();
  }
}
