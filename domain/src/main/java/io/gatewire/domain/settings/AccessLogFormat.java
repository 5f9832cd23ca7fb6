package io.gatewire.domain.settings;

/** How an access log line is written. */
public enum AccessLogFormat {
  /** One JSON object a line. */
  JSON("JSON"),
  /** One line of text. */
  TEXT("Text");

  private final String value;

  AccessLogFormat(String value) {
    this.value = value;
  }

  /** The value as a ProxySettings spells it. */
  public String value() {
    return value;
  }
}
