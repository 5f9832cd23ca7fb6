package io.gatewire.adapters.xds.mapping;

import java.util.Objects;
import java.util.Optional;

/**
 * Where Envoy binds the listeners it is served, when that is not where the Gateway says: an address
 * in place of the Gateway's {@code 0.0.0.0} (for example {@code 127.0.0.1}, so that a local Envoy
 * is reachable from this machine only), and an offset added to every Gateway port (for example
 * 10000, so that port 80 becomes 10080 and Envoy needs no privilege to bind it). Names, route
 * configurations and redirects still use the Gateway's ports: only the socket changes. A port that
 * the offset would push past 65535 keeps its Gateway port.
 *
 * @param address the address every listener binds; empty keeps the Gateway's
 * @param portOffset added to every Gateway port, 0 to 65534
 */
public record ListenerBinding(Optional<String> address, int portOffset) {
  /** Bind where the Gateway says. */
  public static final ListenerBinding AS_GATEWAY = new ListenerBinding(Optional.empty(), 0);

  public ListenerBinding {
    Objects.requireNonNull(address, "address");
    if (portOffset < 0 || portOffset > 65_534) {
      throw new IllegalArgumentException("a port offset is 0 to 65534, not " + portOffset);
    }
  }

  /** The address to bind for a Gateway listener on {@code gatewayAddress}. */
  public String address(String gatewayAddress) {
    return address.orElse(gatewayAddress);
  }

  /** The port to bind for a Gateway listener on {@code gatewayPort}. */
  public int port(int gatewayPort) {
    int port = gatewayPort + portOffset;
    return port > 65_535 ? gatewayPort : port;
  }
}
