package io.gatewire.bootstrap.cli;

import io.gatewire.domain.settings.HttpSettings;
import io.gatewire.domain.settings.HttpSettings.EscapedSlashes;
import io.gatewire.domain.settings.HttpSettings.HeadersWithUnderscores;
import io.gatewire.domain.settings.HttpSettings.ServerHeader;
import io.gatewire.domain.settings.HttpSettings.WebSockets;
import io.gatewire.domain.settings.HttpSpec;
import io.gatewire.domain.settings.ProxySettingsSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code http} section of the proxy settings every Gateway starts from (docs/security.md,
 * docs/proxy-settings.md). A flag not given leaves its field unset, so the default in {@link
 * HttpSettings#DEFAULTS} applies unless a GatewayClass's or Gateway's ProxySettings sets it.
 */
final class HttpFlags {
  @Option(
      names = "--http-normalize-path",
      paramLabel = "true|false",
      arity = "1",
      description = "Normalise request paths (RFC 3986) before routing (default: true).")
  Boolean normalizePath;

  @Option(
      names = "--http-merge-slashes",
      paramLabel = "true|false",
      arity = "1",
      description = "Merge repeated slashes in request paths before routing (default: true).")
  Boolean mergeSlashes;

  @Option(
      names = "--http-escaped-slashes",
      paramLabel = "ACTION",
      description =
          "A path with %%2F or %%5C: KeepUnchanged, RejectRequest, UnescapeAndRedirect (default)"
              + " or UnescapeAndForward.")
  String escapedSlashes;

  @Option(
      names = "--http-headers-with-underscores",
      paramLabel = "ACTION",
      description = "A request header name with '_': Allow, RejectRequest (default) or DropHeader.")
  String headersWithUnderscores;

  @Option(
      names = "--http-use-remote-address",
      paramLabel = "true|false",
      arity = "1",
      description =
          "The client address is the connection's peer, not what X-Forwarded-For says"
              + " (default: true).")
  Boolean useRemoteAddress;

  @Option(
      names = "--http-xff-num-trusted-hops",
      paramLabel = "N",
      description = "Trusted proxies in front of Envoy (default: 0).")
  Integer xffNumTrustedHops;

  @Option(
      names = "--http-max-request-headers-kb",
      paramLabel = "KIB",
      description = "Largest request header block in KiB, 1 to 8192 (default: 60).")
  Integer maxRequestHeadersKb;

  @Option(
      names = "--http-request-headers-timeout",
      paramLabel = "DURATION",
      description = "Time a client has to send the request headers (default: 10s).")
  String requestHeadersTimeout;

  @Option(
      names = "--http-connection-idle-timeout",
      paramLabel = "DURATION",
      description = "Close a client connection idle this long (default: 1h).")
  String connectionIdleTimeout;

  @Option(
      names = "--http-stream-idle-timeout",
      paramLabel = "DURATION",
      description = "Reset a request that moves no byte this long (default: 5m).")
  String streamIdleTimeout;

  @Option(
      names = "--http-max-requests-per-connection",
      paramLabel = "N",
      description = "Requests one client connection may carry, 0 unlimited (default: 0).")
  Integer maxRequestsPerConnection;

  @Option(
      names = "--http-server-header",
      paramLabel = "MODE",
      description =
          "The Server response header: Overwrite (default), AppendIfAbsent or PassThrough.")
  String serverHeader;

  @Option(
      names = "--http-websockets",
      paramLabel = "WHERE",
      description =
          "Where WebSocket upgrades are allowed: AllRoutes (default), or DeclaredBackends (routes"
              + " to a backend whose port has appProtocol kubernetes.io/ws).")
  String webSockets;

  /**
   * The section, or null when no flag is given; a value out of range or not one of the choices is a
   * usage error.
   */
  HttpSpec spec(CommandLine commandLine) {
    HttpSpec spec =
        new HttpSpec(
            normalizePath,
            mergeSlashes,
            choice(commandLine, "--http-escaped-slashes", EscapedSlashes.class, escapedSlashes),
            choice(
                commandLine,
                "--http-headers-with-underscores",
                HeadersWithUnderscores.class,
                headersWithUnderscores),
            useRemoteAddress,
            xffNumTrustedHops,
            maxRequestHeadersKb,
            requestHeadersTimeout,
            connectionIdleTimeout,
            streamIdleTimeout,
            maxRequestsPerConnection,
            choice(commandLine, "--http-server-header", ServerHeader.class, serverHeader),
            choice(commandLine, "--http-websockets", WebSockets.class, webSockets));
    if (spec.equals(
        new HttpSpec(
            null, null, null, null, null, null, null, null, null, null, null, null, null))) {
      return null;
    }
    try {
      ProxySettingsSpec.EMPTY.withHttp(spec).resolve();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, "--http-*: " + e.getMessage());
    }
    return spec;
  }

  private static <E extends Enum<E>> E choice(
      CommandLine commandLine, String flag, Class<E> type, String value) {
    if (value == null) {
      return null;
    }
    return HttpSettings.parse(type, value)
        .orElseThrow(
            () ->
                new CommandLine.ParameterException(
                    commandLine,
                    flag + ": " + value + " is not one of " + HttpSettings.apiNames(type)));
  }
}
