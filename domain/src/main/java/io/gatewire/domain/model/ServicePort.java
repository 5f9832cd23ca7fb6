package io.gatewire.domain.model;

import java.util.Optional;

/** A Service or ServiceImport port: its name (may be empty), number, protocol and appProtocol. */
public record ServicePort(String name, int port, String protocol, Optional<String> appProtocol) {
  public ServicePort {
    name = name == null ? "" : name;
    protocol = protocol == null ? "TCP" : protocol;
    appProtocol = appProtocol == null ? Optional.empty() : appProtocol;
  }
}
