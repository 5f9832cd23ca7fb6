package io.gatewire.domain.port;

/**
 * Input that could not be read or parsed. {@code location} is {@code file:line} (or {@code
 * <stdin>:line}, or an object reference for cluster sources); the message says what is wrong.
 */
public class SourceException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String location;

  public SourceException(String location, String message, Throwable cause) {
    super(location + ": " + message, cause);
    this.location = location;
  }

  public SourceException(String location, String message) {
    this(location, message, null);
  }

  public String location() {
    return location;
  }
}
