package io.gatewire.application.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action once a burst of triggers has been quiet for the delay: an editor's save (write,
 * rename, chmod) or an informer's resync becomes one reload. A burst that never goes quiet (changes
 * arriving faster than the delay, for as long as they keep coming) still runs the action once the
 * longest wait has passed since the burst's first trigger, so a steady stream of changes cannot
 * hold back every reload. Runs are never concurrent.
 */
final class Debouncer implements AutoCloseable {
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "gatewire-reload");
            t.setDaemon(true);
            return t;
          });
  private final long delayNanos;
  private final long longestWaitNanos;
  private final Runnable action;
  private ScheduledFuture<?> pending;
  private long burstStart;
  private boolean inBurst;

  /**
   * @param delay how long a burst must be quiet
   * @param longestWait the most a burst can wait from its first trigger (at least {@code delay})
   */
  Debouncer(Duration delay, Duration longestWait, Runnable action) {
    this.delayNanos = delay.toNanos();
    this.longestWaitNanos = Math.max(delayNanos, longestWait.toNanos());
    this.action = action;
  }

  synchronized void trigger() {
    long now = System.nanoTime();
    if (!inBurst) {
      inBurst = true;
      burstStart = now;
    }
    if (pending != null) {
      pending.cancel(false);
    }
    long wait = Math.max(0, Math.min(delayNanos, burstStart + longestWaitNanos - now));
    pending = executor.schedule(this::run, wait, TimeUnit.NANOSECONDS);
  }

  private void run() {
    synchronized (this) {
      inBurst = false;
      pending = null;
    }
    action.run();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
