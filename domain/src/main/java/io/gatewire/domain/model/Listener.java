package io.gatewire.domain.model;

import java.util.Optional;

/**
 * One Gateway listener. {@code hostname} is empty when the listener takes every hostname; {@code
 * tls} is empty for plain-text protocols.
 */
public record Listener(
    String name,
    Optional<String> hostname,
    int port,
    ListenerProtocol protocol,
    Optional<ListenerTls> tls,
    AllowedRoutes allowedRoutes) {

  public Listener {
    hostname = hostname == null ? Optional.empty() : hostname;
    tls = tls == null ? Optional.empty() : tls;
    allowedRoutes = allowedRoutes == null ? AllowedRoutes.SAME_NAMESPACE : allowedRoutes;
  }
}
