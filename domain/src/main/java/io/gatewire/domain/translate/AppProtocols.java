package io.gatewire.domain.translate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a backend's appProtocol asks of the HTTP it is sent, following the Gateway API's backend
 * protocol rules: {@code kubernetes.io/h2c} (and the gRPC and HTTP/2 names) speak HTTP/2 cleartext,
 * {@code kubernetes.io/ws} takes WebSocket upgrades, none or {@code http} is HTTP/1.1. TLS to the
 * backend ({@code kubernetes.io/wss}, {@code https}) is not originated, and any other value is
 * unknown: such a backend is refused with reason {@code UnsupportedProtocol}, as the Gateway API
 * asks of a protocol an implementation cannot speak.
 */
final class AppProtocols {
  private static final Set<String> H2C =
      Set.of("kubernetes.io/h2c", "gateway.envoyproxy.io/h2c", "h2c", "http2", "grpc");
  private static final Set<String> WEBSOCKET =
      Set.of("kubernetes.io/ws", "gateway.envoyproxy.io/ws");
  private static final Set<String> HTTP1 = Set.of("http");
  private static final Set<String> TLS =
      Set.of("kubernetes.io/wss", "gateway.envoyproxy.io/wss", "https", "tls", "grpcs", "wss");

  /** The HTTP a backend speaks: HTTP/2 cleartext, and whether it takes WebSocket upgrades. */
  record Speaks(boolean http2, boolean webSocket) {}

  private AppProtocols() {}

  /**
   * What the appProtocols of one backend port (none, one for a Service, several for an Envoy
   * Gateway Backend) ask, or why Gatewire cannot speak it.
   */
  static Result of(List<String> appProtocols) {
    boolean http2 = false;
    boolean webSocket = false;
    for (String protocol : appProtocols) {
      String name = protocol.contains("/") ? protocol : protocol.toLowerCase(Locale.ROOT);
      if (H2C.contains(name)) {
        http2 = true;
      } else if (WEBSOCKET.contains(name)) {
        webSocket = true;
      } else if (TLS.contains(name)) {
        return new Result(
            null,
            "appProtocol "
                + protocol
                + " needs TLS to the backend, which Gatewire does not originate");
      } else if (!HTTP1.contains(name)) {
        return new Result(
            null,
            "appProtocol "
                + protocol
                + " is not a protocol Gatewire speaks to HTTP backends (it speaks none or http,"
                + " kubernetes.io/h2c, kubernetes.io/ws)");
      }
    }
    return new Result(new Speaks(http2, webSocket), null);
  }

  /** Either what the backend speaks or, when {@code speaks} is null, why it cannot be used. */
  record Result(Speaks speaks, String problem) {
    Optional<String> unsupported() {
      return Optional.ofNullable(problem);
    }
  }
}
