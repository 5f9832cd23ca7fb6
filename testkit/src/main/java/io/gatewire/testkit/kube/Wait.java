package io.gatewire.testkit.kube;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition until it holds; a failed poll counts as "not yet". */
final class Wait {
  private Wait() {}

  /** The program waited for has exited: waiting longer cannot help. */
  static final class ProcessExited extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ProcessExited(String message) {
      super(message);
    }
  }

  static void until(Duration timeout, String what, Callable<Boolean> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (true) {
      try {
        if (condition.call()) {
          return;
        }
      } catch (ProcessExited fatal) {
        throw fatal;
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "timed out after " + timeout + " waiting for " + what, last);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
