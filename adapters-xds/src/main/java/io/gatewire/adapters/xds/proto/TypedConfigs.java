package io.gatewire.adapters.xds.proto;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.config.route.v3.FilterConfig;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.Cors;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.filters.udp.udp_proxy.v3.Route;
import io.envoyproxy.envoy.extensions.filters.udp.udp_proxy.v3.UdpProxyConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import java.util.List;

/**
 * The messages Gatewire packs into {@code Any} (typed_config and friends), and how it packs them.
 */
public final class TypedConfigs {
  private static final String TYPE_URL_PREFIX = "type.googleapis.com/";

  /** One default instance of every message type that appears inside an {@code Any} we emit. */
  public static final List<Message> PAYLOAD_TYPES =
      List.of(
          HttpConnectionManager.getDefaultInstance(),
          Router.getDefaultInstance(),
          TlsInspector.getDefaultInstance(),
          DownstreamTlsContext.getDefaultInstance(),
          HttpProtocolOptions.getDefaultInstance(),
          TcpProxy.getDefaultInstance(),
          UdpProxyConfig.getDefaultInstance(),
          Route.getDefaultInstance(),
          Cors.getDefaultInstance(),
          CorsPolicy.getDefaultInstance(),
          FilterConfig.getDefaultInstance(),
          io.envoyproxy.envoy.extensions.access_loggers.stream.v3.StdoutAccessLog
              .getDefaultInstance(),
          io.envoyproxy.envoy.extensions.access_loggers.file.v3.FileAccessLog.getDefaultInstance(),
          io.envoyproxy.envoy.config.trace.v3.OpenTelemetryConfig.getDefaultInstance());

  private static final JsonFormat.TypeRegistry REGISTRY = buildRegistry();

  private TypedConfigs() {}

  /** Like {@link Any#pack} but with deterministic payload bytes. */
  public static Any pack(Message message) {
    return Any.newBuilder()
        .setTypeUrl(TYPE_URL_PREFIX + message.getDescriptorForType().getFullName())
        .setValue(DeterministicBytes.byteString(message))
        .build();
  }

  /** Resolves every {@link #PAYLOAD_TYPES} type URL, for printing {@code Any} as JSON. */
  public static JsonFormat.TypeRegistry registry() {
    return REGISTRY;
  }

  private static JsonFormat.TypeRegistry buildRegistry() {
    JsonFormat.TypeRegistry.Builder builder = JsonFormat.TypeRegistry.newBuilder();
    PAYLOAD_TYPES.forEach(m -> builder.add(m.getDescriptorForType()));
    return builder.build();
  }
}
