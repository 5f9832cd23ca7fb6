package io.gatewire.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How a stop reaches serve's start (the signals themselves, on the packaged jar: ServeStopIT): it
 * interrupts a step that waits, at once when it came before the step, and leaves no interrupt
 * behind for the drain.
 */
class StopSignalsTest {
  @Test
  void aStop_interruptsTheWaitingStep_andLeavesNoInterruptBehind() throws Exception {
    StopSignals signals = new StopSignals();
    CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                signals.interrupting(
                    () -> {
                      Thread.sleep(60_000);
                      return null;
                    });
              } catch (InterruptedException expected) {
                interruptedAfter.complete(Thread.currentThread().isInterrupted());
              } catch (Exception e) {
                interruptedAfter.completeExceptionally(e);
              }
            });
    starter.start();
    while (starter.getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait();
    }

    signals.request("SIGTERM");

    assertThat(interruptedAfter.get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(signals.requested()).isTrue();
    assertThat(signals.stopped().join()).isEqualTo("SIGTERM");
  }

  @Test
  void aStopBeforeTheStep_interruptsItAtOnce_andTheFirstStopIsTheOneNamed() {
    StopSignals signals = new StopSignals();
    signals.request("SIGINT");
    signals.request("SIGTERM");

    assertThatThrownBy(
            () ->
                signals.interrupting(
                    () -> {
                      Thread.sleep(60_000);
                      return null;
                    }))
        .isInstanceOf(InterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(signals.stopped().join()).isEqualTo("SIGINT");
  }
}
