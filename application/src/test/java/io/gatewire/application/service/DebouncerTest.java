package io.gatewire.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A burst becomes one run; a burst that never goes quiet still runs within the longest wait. */
class DebouncerTest {
  private final Duration delay = Duration.ofMillis(ThreadLocalRandom.current().nextInt(20, 60));
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void burstOfTriggers_runsOnce() {
    try (Debouncer debouncer =
        new Debouncer(delay, Duration.ofSeconds(30), runs::incrementAndGet)) {
      for (int i = 0; i < 50; i++) {
        debouncer.trigger();
      }

      await().until(() -> runs.get() == 1);
      await()
          .during(delay.multipliedBy(3))
          .atMost(Duration.ofSeconds(2))
          .until(() -> runs.get() == 1);
    }
  }

  @Test
  void triggersThatNeverGoQuiet_stillRun_onceTheLongestWaitIsOver() throws Exception {
    Duration quiet = Duration.ofMillis(500);
    Duration longest = Duration.ofSeconds(1);
    try (Debouncer debouncer = new Debouncer(quiet, longest, runs::incrementAndGet)) {
      long end = System.nanoTime() + Duration.ofMillis(3500).toNanos();
      while (System.nanoTime() < end) {
        debouncer.trigger();
        Thread.sleep(20);
      }

      // never quiet for 500 ms, yet the stream was cut about once a second
      assertThat(runs.get()).isGreaterThanOrEqualTo(2);
    }
  }
}
