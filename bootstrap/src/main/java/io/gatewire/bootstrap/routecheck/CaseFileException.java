package io.gatewire.bootstrap.routecheck;

/** A cases file that cannot be read; the message starts with {@code file:line}. */
public final class CaseFileException extends Exception {
  private static final long serialVersionUID = 1L;

  public CaseFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
