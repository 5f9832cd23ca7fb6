package io.gatewire.adapters.xds.serve;

import com.google.common.util.concurrent.MoreExecutors;
import io.envoyproxy.controlplane.server.ExecutorGroup;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where responses are built and handed to gRPC. java-control-plane's default answers every open
 * watch on the thread that sets the snapshot, so one publish pushes to every stream one after
 * another. Here each stream gets its own sequential executor over one shared pool (one thread per
 * core, started up front): a stream's responses keep their order and never overlap, and different
 * streams are served in parallel while the publishing thread moves on.
 */
final class PushExecutors implements ExecutorGroup, AutoCloseable {
  private final ThreadPoolExecutor pool;

  PushExecutors(int threads) {
    AtomicInteger count = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "gatewire-xds-push-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.prestartAllCoreThreads();
  }

  static PushExecutors perCore() {
    return new PushExecutors(Math.max(2, Runtime.getRuntime().availableProcessors()));
  }

  /** The pool's thread name, digits written {@code #}, with its number of threads. */
  Map<String, Integer> sizes() {
    return Map.of("gatewire-xds-push-#", pool.getCorePoolSize());
  }

  /** Called once per stream. */
  @Override
  public Executor next() {
    return MoreExecutors.newSequentialExecutor(pool);
  }

  /** Stops taking work; what is queued still runs (streams are closed by then). */
  @Override
  public void close() {
    ExecutorService executor = pool;
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
