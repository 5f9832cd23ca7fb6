package io.gatewire.bootstrap.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loggers of the lines an operator reads, named for what they describe rather than for the
 * class that writes them, so that a log pipeline can select them: {@code io.gatewire.config}
 * (loading the configuration: failures, recovery), {@code io.gatewire.status} (objects rejected in
 * their status, translation warnings) and {@code io.gatewire.serve} (start and stop).
 */
public final class UserLoggers {
  public static final Logger CONFIG = LoggerFactory.getLogger("io.gatewire.config");
  public static final Logger STATUS = LoggerFactory.getLogger("io.gatewire.status");
  public static final Logger SERVE = LoggerFactory.getLogger("io.gatewire.serve");

  private UserLoggers() {}
}
