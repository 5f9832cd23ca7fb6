package io.gatewire.bootstrap.logging;

import ch.qos.logback.classic.Level;

/** The least severe level written. */
public enum LogLevel {
  error(Level.ERROR),
  warn(Level.WARN),
  info(Level.INFO),
  debug(Level.DEBUG),
  trace(Level.TRACE);

  private final Level level;

  LogLevel(Level level) {
    this.level = level;
  }

  Level logback() {
    return level;
  }
}
