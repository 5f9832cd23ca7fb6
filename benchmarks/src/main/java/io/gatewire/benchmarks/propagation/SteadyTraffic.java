package io.gatewire.benchmarks.propagation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client that keeps sending requests to routes that exist throughout the run, at a fixed rate
 * over a few threads of its own (each with its own kept-alive connection), and counts what comes
 * back: every answer that is not what the route gives (a non-2xx, or a 200 from no echo server) and
 * every connection error is a failure. {@link #counts} reads the totals so far, so a phase of the
 * run can take the difference.
 */
final class SteadyTraffic implements AutoCloseable {
  private static final int KEPT_FAILURES = 20;

  private final List<Probe> probes;
  private final long intervalNanos;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final long startNanos = System.nanoTime();
  private long sent;
  private long answered;
  private final Map<String, Long> failures = new TreeMap<>();
  private final List<String> firstFailures = new ArrayList<>();

  private SteadyTraffic(List<Probe> probes, int threadCount, int requestsPerSecond) {
    this.probes = List.copyOf(probes);
    this.intervalNanos = 1_000_000_000L * threadCount / requestsPerSecond;
  }

  /** Starts {@code threadCount} threads that together send {@code requestsPerSecond}. */
  static SteadyTraffic start(
      List<Probe> probes, int listenerPort, int threadCount, int requestsPerSecond) {
    SteadyTraffic traffic = new SteadyTraffic(probes, threadCount, requestsPerSecond);
    for (int t = 0; t < threadCount; t++) {
      ListenerClient client = new ListenerClient(listenerPort);
      int first = t;
      Thread thread = new Thread(() -> traffic.run(client, first), "steady-client-" + t);
      thread.setDaemon(true);
      traffic.threads.add(thread);
      thread.start();
    }
    return traffic;
  }

  /** Requests sent so far, those answered as expected, and the failures by kind. */
  record Counts(long sent, long answered, Map<String, Long> failures) {
    Counts {
      failures = Map.copyOf(failures);
    }

    long failed() {
      return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    Counts since(Counts earlier) {
      Map<String, Long> diff = new TreeMap<>(failures);
      earlier.failures.forEach((kind, n) -> diff.merge(kind, -n, Long::sum));
      diff.values().removeIf(n -> n == 0);
      return new Counts(sent - earlier.sent, answered - earlier.answered, diff);
    }
  }

  synchronized Counts counts() {
    return new Counts(sent, answered, failures);
  }

  /** The first failures seen, each with its time since the start and the request. */
  synchronized List<String> firstFailures() {
    return List.copyOf(firstFailures);
  }

  private void run(ListenerClient client, int first) {
    long next = System.nanoTime();
    for (int i = first; running.get(); i++) {
      Probe probe = probes.get(i % probes.size());
      String failure;
      try {
        Probe.Answer answer = client.send(probe);
        failure = probe.isAnsweredBy(answer) ? null : "status " + answer.status();
      } catch (IOException e) {
        failure = "connection error " + e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      record(probe, failure);
      next += intervalNanos;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      } else {
        next = System.nanoTime();
      }
    }
  }

  private synchronized void record(Probe probe, String failure) {
    sent++;
    if (failure == null) {
      answered++;
      return;
    }
    failures.merge(failure, 1L, Long::sum);
    if (firstFailures.size() < KEPT_FAILURES) {
      firstFailures.add(
          String.format("%.3f s: %s: %s", (System.nanoTime() - startNanos) / 1e9, probe, failure));
    }
  }

  @Override
  public void close() {
    running.set(false);
    for (Thread thread : threads) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
