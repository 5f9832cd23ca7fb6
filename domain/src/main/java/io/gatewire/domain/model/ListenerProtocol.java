package io.gatewire.domain.model;

/** The listener protocols of the Gateway API; {@code OTHER} keeps an unknown value for status. */
public enum ListenerProtocol {
  HTTP,
  HTTPS,
  TLS,
  TCP,
  UDP,
  OTHER;

  public static ListenerProtocol parse(String value) {
    for (ListenerProtocol p : values()) {
      if (p.name().equals(value)) {
        return p;
      }
    }
    return OTHER;
  }
}
