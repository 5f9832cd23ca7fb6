package io.gatewire.bootstrap.cli;

import io.gatewire.domain.ir.IrHttpSettings;
import io.gatewire.domain.ir.IrHttpSettings.EscapedSlashes;
import io.gatewire.domain.ir.IrHttpSettings.HeadersWithUnderscores;
import io.gatewire.domain.ir.IrHttpSettings.ServerHeader;
import io.gatewire.domain.ir.IrHttpSettings.WebSockets;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How every Gateway's HTTP connection managers treat requests, unless the Gateway's own settings
 * say otherwise (docs/security.md). The defaults are {@link IrHttpSettings#DEFAULTS}.
 */
final class HttpFlags {
  @Option(
      names = "--http-normalize-path",
      paramLabel = "true|false",
      arity = "1",
      defaultValue = "true",
      description = "Normalise request paths (RFC 3986: dot segments removed) before routing.")
  boolean normalizePath;

  @Option(
      names = "--http-merge-slashes",
      paramLabel = "true|false",
      arity = "1",
      defaultValue = "true",
      description = "Merge repeated slashes in request paths before routing.")
  boolean mergeSlashes;

  @Option(
      names = "--http-escaped-slashes",
      paramLabel = "ACTION",
      defaultValue = "UnescapeAndRedirect",
      description =
          "A path with %%2F or %%5C: KeepUnchanged, RejectRequest, UnescapeAndRedirect or"
              + " UnescapeAndForward (default: ${DEFAULT-VALUE}).")
  String escapedSlashes;

  @Option(
      names = "--http-headers-with-underscores",
      paramLabel = "ACTION",
      defaultValue = "RejectRequest",
      description =
          "A request header name with '_': Allow, RejectRequest or DropHeader"
              + " (default: ${DEFAULT-VALUE}).")
  String headersWithUnderscores;

  @Option(
      names = "--http-use-remote-address",
      paramLabel = "true|false",
      arity = "1",
      defaultValue = "true",
      description = "The client address is the connection's peer, not what X-Forwarded-For says.")
  boolean useRemoteAddress;

  @Option(
      names = "--http-xff-num-trusted-hops",
      paramLabel = "N",
      defaultValue = "0",
      description = "Trusted proxies in front of Envoy (default: ${DEFAULT-VALUE}).")
  int xffNumTrustedHops;

  @Option(
      names = "--http-max-request-headers-kb",
      paramLabel = "KIB",
      defaultValue = "60",
      description = "Largest request header block in KiB, 1 to 8192 (default: ${DEFAULT-VALUE}).")
  int maxRequestHeadersKb;

  @Option(
      names = "--http-request-headers-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description = "Time a client has to send the request headers (default: ${DEFAULT-VALUE}).")
  String requestHeadersTimeout;

  @Option(
      names = "--http-connection-idle-timeout",
      paramLabel = "DURATION",
      defaultValue = "1h",
      description = "Close a client connection idle this long (default: ${DEFAULT-VALUE}).")
  String connectionIdleTimeout;

  @Option(
      names = "--http-stream-idle-timeout",
      paramLabel = "DURATION",
      defaultValue = "5m",
      description = "Reset a request that moves no byte this long (default: ${DEFAULT-VALUE}).")
  String streamIdleTimeout;

  @Option(
      names = "--http-max-requests-per-connection",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Requests one client connection may carry, 0 unlimited (default: ${DEFAULT-VALUE}).")
  int maxRequestsPerConnection;

  @Option(
      names = "--http-server-header",
      paramLabel = "MODE",
      defaultValue = "Overwrite",
      description =
          "The Server response header: Overwrite, AppendIfAbsent or PassThrough"
              + " (default: ${DEFAULT-VALUE}).")
  String serverHeader;

  @Option(
      names = "--http-websockets",
      paramLabel = "WHERE",
      defaultValue = "AllRoutes",
      description =
          "Where WebSocket upgrades are allowed: AllRoutes, or DeclaredBackends (routes to a"
              + " backend with appProtocol kubernetes.io/ws) (default: ${DEFAULT-VALUE}).")
  String webSockets;

  /** The settings; a value out of range or not one of the choices is a usage error. */
  IrHttpSettings settings(CommandLine commandLine) {
    try {
      return new IrHttpSettings(
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
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, "--http-*: " + e.getMessage());
    }
  }

  private static <E extends Enum<E>> E choice(
      CommandLine commandLine, String flag, Class<E> type, String value) {
    return IrHttpSettings.parse(type, value)
        .orElseThrow(
            () ->
                new CommandLine.ParameterException(
                    commandLine,
                    flag + ": " + value + " is not one of " + IrHttpSettings.apiNames(type)));
  }
}
