package io.gatewire.adapters.k8s.status;

import java.time.Duration;
import java.util.Objects;

/**
 * How the status writer behaves: the controller name whose route parents it owns, how many times a
 * write is tried when it conflicts (each try re-reads and re-merges), and the backoff before a
 * failed object is tried again (doubling from {@code initialBackoff} up to {@code maxBackoff}).
 */
public record StatusWriterSettings(
    String controllerName, int conflictAttempts, Duration initialBackoff, Duration maxBackoff) {
  public StatusWriterSettings {
    Objects.requireNonNull(controllerName, "controllerName");
    if (conflictAttempts < 1) {
      throw new IllegalArgumentException("conflictAttempts must be at least 1");
    }
    if (initialBackoff.isNegative()
        || initialBackoff.isZero()
        || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "backoff must be positive and initialBackoff <= maxBackoff");
    }
  }

  public static StatusWriterSettings defaults(String controllerName) {
    return new StatusWriterSettings(
        controllerName, 5, Duration.ofSeconds(1), Duration.ofMinutes(1));
  }

  /** The wait before the {@code failures}-th retry (1 = the first). */
  Duration backoff(int failures) {
    Duration wait = initialBackoff;
    for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) < 0 ? wait : maxBackoff;
  }
}
