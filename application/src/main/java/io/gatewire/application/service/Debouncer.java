package io.gatewire.application.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action once a burst of triggers has been quiet for the delay: an editor's save (write,
 * rename, chmod) or an informer's resync becomes one reload. Runs are never concurrent.
 */
final class Debouncer implements AutoCloseable {
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "gatewire-reload");
            t.setDaemon(true);
            return t;
          });
  private final Duration delay;
  private final Runnable action;
  private ScheduledFuture<?> pending;

  Debouncer(Duration delay, Runnable action) {
    this.delay = delay;
    this.action = action;
  }

  synchronized void trigger() {
    if (pending != null) {
      pending.cancel(false);
    }
    pending = executor.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
