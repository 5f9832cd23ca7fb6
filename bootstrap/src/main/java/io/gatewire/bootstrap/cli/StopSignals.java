package io.gatewire.bootstrap.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT for {@code serve}, taken over as soon as the command runs: from then on a
 * signal asks for a drained stop and exit 0 at any point of the start, where the JVM's own handler
 * would exit 143 with nothing drained. The start checks {@link #requested()} between its steps; a
 * step that may wait long on a cluster runs {@link #interrupting} so the signal cuts the wait
 * short.
 */
final class StopSignals implements AutoCloseable {
  private static final List<String> SIGNALS = List.of("TERM", "INT");

  private final CompletableFuture<String> stopped = new CompletableFuture<>();
  private final Map<String, SignalHandler> previous = new LinkedHashMap<>();

  /** The thread to interrupt on a stop; guarded by this. */
  private Thread interruptible;

  StopSignals() {}

  /** Takes SIGTERM and SIGINT over until {@link #close()}. */
  void install() {
    for (String name : SIGNALS) {
      previous.put(name, Signal.handle(new Signal(name), s -> request("SIG" + name)));
    }
  }

  /** Gives the signals back to the handlers they had (the JVM's, when serve ran as a command). */
  @Override
  public void close() {
    previous.forEach((name, handler) -> Signal.handle(new Signal(name), handler));
  }

  /** Asks for a stop, naming why (the signal); the first request wins. */
  synchronized void request(String why) {
    if (stopped.complete(why) && interruptible != null) {
      interruptible.interrupt();
    }
  }

  boolean requested() {
    return stopped.isDone();
  }

  /** Completes with the signal's name when a stop is requested. */
  CompletableFuture<String> stopped() {
    return stopped;
  }

  /**
   * Runs {@code step} on this thread, interrupted if a stop is (or has been) requested meanwhile;
   * the thread's interrupt status is cleared when it returns.
   */
  <T> T interrupting(Callable<T> step) throws Exception {
    synchronized (this) {
      interruptible = Thread.currentThread();
      if (requested()) {
        interruptible.interrupt();
      }
    }
    try {
      return step.call();
    } finally {
      synchronized (this) {
        interruptible = null;
        Thread.interrupted();
      }
    }
  }
}
