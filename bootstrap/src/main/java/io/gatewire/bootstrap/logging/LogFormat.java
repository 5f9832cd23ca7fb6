package io.gatewire.bootstrap.logging;

/** How log lines are written to stderr. */
public enum LogFormat {
  /** {@code 2026-12-07T17:00:00.000Z INFO [main] io.gatewire.serve: message}. */
  text,
  /**
   * One JSON object a line: {@code timestamp}, {@code level}, {@code logger}, {@code thread},
   * {@code message}, {@code stack_trace} when there is one, and the event's key-value pairs (for a
   * configuration error: {@code file}, {@code line}, {@code object}, {@code problem}) as fields.
   */
  json
}
