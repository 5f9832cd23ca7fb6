package io.gatewire.adapters.xds.mapping;

import com.google.protobuf.BoolValue;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions.HeadersWithUnderscoresAction;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.PathWithEscapedSlashesAction;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.ServerHeaderTransformation;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.UpgradeConfig;
import io.gatewire.domain.settings.HttpSettings;

/**
 * A Gateway's {@link HttpSettings} (the {@code http} section of its proxy settings) on an HTTP
 * connection manager: path normalisation, escaped slashes, headers with underscores, the client
 * address, header size, timeouts, the Server header, WebSocket upgrades, and HTTP/2 stream and
 * window limits (docs/security.md).
 */
final class HttpProtections {
  static final String WEBSOCKET = "websocket";

  /** Envoy's edge proxy best practices for downstream HTTP/2: 100 streams, 64 KiB, 1 MiB. */
  private static final Http2ProtocolOptions HTTP2 =
      Http2ProtocolOptions.newBuilder()
          .setMaxConcurrentStreams(UInt32Value.of(100))
          .setInitialStreamWindowSize(UInt32Value.of(64 * 1024))
          .setInitialConnectionWindowSize(UInt32Value.of(1024 * 1024))
          .build();

  private HttpProtections() {}

  static void apply(HttpSettings settings, HttpConnectionManager.Builder hcm) {
    hcm.setNormalizePath(BoolValue.of(settings.normalizePath()))
        .setMergeSlashes(settings.mergeSlashes())
        .setPathWithEscapedSlashesAction(escapedSlashes(settings.escapedSlashes()))
        .setUseRemoteAddress(BoolValue.of(settings.useRemoteAddress()))
        .setXffNumTrustedHops(settings.xffNumTrustedHops())
        .setMaxRequestHeadersKb(UInt32Value.of(settings.maxRequestHeadersKb()))
        .setRequestHeadersTimeout(GatewayDurations.parse(settings.requestHeadersTimeout()))
        .setStreamIdleTimeout(GatewayDurations.parse(settings.streamIdleTimeout()))
        .setServerHeaderTransformation(serverHeader(settings.serverHeader()))
        .setCommonHttpProtocolOptions(common(settings))
        .setHttp2ProtocolOptions(HTTP2)
        .addUpgradeConfigs(
            UpgradeConfig.newBuilder()
                .setUpgradeType(WEBSOCKET)
                .setEnabled(
                    BoolValue.of(settings.webSockets() == HttpSettings.WebSockets.ALL_ROUTES)));
  }

  private static HttpProtocolOptions common(HttpSettings settings) {
    HttpProtocolOptions.Builder common =
        HttpProtocolOptions.newBuilder()
            .setIdleTimeout(GatewayDurations.parse(settings.connectionIdleTimeout()))
            .setHeadersWithUnderscoresAction(underscores(settings.headersWithUnderscores()));
    if (settings.maxRequestsPerConnection() > 0) {
      common.setMaxRequestsPerConnection(UInt32Value.of(settings.maxRequestsPerConnection()));
    }
    return common.build();
  }

  private static PathWithEscapedSlashesAction escapedSlashes(HttpSettings.EscapedSlashes value) {
    return switch (value) {
      case KEEP_UNCHANGED -> PathWithEscapedSlashesAction.KEEP_UNCHANGED;
      case REJECT_REQUEST -> PathWithEscapedSlashesAction.REJECT_REQUEST;
      case UNESCAPE_AND_REDIRECT -> PathWithEscapedSlashesAction.UNESCAPE_AND_REDIRECT;
      case UNESCAPE_AND_FORWARD -> PathWithEscapedSlashesAction.UNESCAPE_AND_FORWARD;
    };
  }

  private static HeadersWithUnderscoresAction underscores(
      HttpSettings.HeadersWithUnderscores value) {
    return switch (value) {
      case ALLOW -> HeadersWithUnderscoresAction.ALLOW;
      case REJECT_REQUEST -> HeadersWithUnderscoresAction.REJECT_REQUEST;
      case DROP_HEADER -> HeadersWithUnderscoresAction.DROP_HEADER;
    };
  }

  private static ServerHeaderTransformation serverHeader(HttpSettings.ServerHeader value) {
    return switch (value) {
      case OVERWRITE -> ServerHeaderTransformation.OVERWRITE;
      case APPEND_IF_ABSENT -> ServerHeaderTransformation.APPEND_IF_ABSENT;
      case PASS_THROUGH -> ServerHeaderTransformation.PASS_THROUGH;
    };
  }
}
