package io.gatewire.domain.translate;

import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ListenerProtocol;

/**
 * The port of a RequestRedirect's Location, which the Gateway API derives from the listener the
 * request came through. Without {@code port}: the well-known port of the redirect scheme when one
 * is set, otherwise the listener's port. The port is then left out of Location when it is the
 * well-known port of the final scheme (http 80, https 443), and written otherwise.
 */
final class RedirectPorts {
  private static final int HTTP_PORT = 80;
  private static final int HTTPS_PORT = 443;

  private RedirectPorts() {}

  /**
   * {@code action} with its redirect port made explicit (or null: none in Location) for {@code
   * listener}.
   */
  static IrAction forListener(IrAction action, Listener listener) {
    if (!(action instanceof IrAction.Redirect r)) {
      return action;
    }
    String listenerScheme = listener.protocol() == ListenerProtocol.HTTPS ? "https" : "http";
    String scheme = r.scheme() != null ? r.scheme() : listenerScheme;
    int port;
    if (r.port() != null) {
      port = r.port();
    } else if (r.scheme() != null) {
      port = wellKnown(r.scheme(), listener.port());
    } else {
      port = listener.port();
    }
    Integer written = port == wellKnown(scheme, -1) ? null : port;
    return new IrAction.Redirect(
        r.scheme(), r.host(), written, r.fullPath(), r.prefix(), r.status());
  }

  /** The well-known port of {@code scheme}, or {@code otherwise} for a scheme without one. */
  private static int wellKnown(String scheme, int otherwise) {
    return switch (scheme) {
      case "http" -> HTTP_PORT;
      case "https" -> HTTPS_PORT;
      default -> otherwise;
    };
  }
}
