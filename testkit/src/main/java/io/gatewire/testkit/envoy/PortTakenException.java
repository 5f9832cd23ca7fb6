package io.gatewire.testkit.envoy;

/**
 * Envoy could not bind a listener's port: another process took it between the test choosing the
 * port and Envoy binding it. {@link ListenerPorts#withRetry} starts again on another port.
 */
public final class PortTakenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PortTakenException(String listener, String details) {
    super("Envoy could not bind listener " + listener + ": " + details);
  }

  /** True for Envoy's reason when a listener's port is in use (its {@code cannot bind} error). */
  static boolean isBindFailure(String details) {
    return details.contains("cannot bind") || details.contains("Address already in use");
  }
}
