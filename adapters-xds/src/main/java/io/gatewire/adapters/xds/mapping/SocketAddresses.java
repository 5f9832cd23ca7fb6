package io.gatewire.adapters.xds.mapping;

import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;

/** A TCP or UDP address (IP or DNS name) and port. */
final class SocketAddresses {
  private SocketAddresses() {}

  static Address tcp(String address, int port) {
    return Address.newBuilder()
        .setSocketAddress(SocketAddress.newBuilder().setAddress(address).setPortValue(port))
        .build();
  }

  static Address udp(String address, int port) {
    return Address.newBuilder()
        .setSocketAddress(
            SocketAddress.newBuilder()
                .setProtocol(SocketAddress.Protocol.UDP)
                .setAddress(address)
                .setPortValue(port))
        .build();
  }
}
