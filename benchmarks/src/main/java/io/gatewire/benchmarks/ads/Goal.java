package io.gatewire.benchmarks.ads;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What every stream should come to hold after a change: the served state, the moment the change
 * began (the publish), and a count of the streams still to get there.
 */
final class Goal {
  private final ServedState state;
  private final long startNanos;
  private final CountDownLatch pending;

  Goal(ServedState state, long startNanos, int streams) {
    this.state = state;
    this.startNanos = startNanos;
    this.pending = new CountDownLatch(streams);
  }

  ServedState state() {
    return state;
  }

  long startNanos() {
    return startNanos;
  }

  void reached() {
    pending.countDown();
  }

  /** Waits until every stream reached the goal; false when {@code timeoutSeconds} passed first. */
  boolean await(long timeoutSeconds) throws InterruptedException {
    return pending.await(timeoutSeconds, TimeUnit.SECONDS);
  }

  long pending() {
    return pending.getCount();
  }
}
