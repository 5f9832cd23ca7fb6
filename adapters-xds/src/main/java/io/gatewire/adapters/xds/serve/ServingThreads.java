package io.gatewire.adapters.xds.serve;

import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.grpc.netty.shaded.io.netty.util.concurrent.EventExecutor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the gRPC server runs on, each pool of a fixed size and started up front: one thread
 * accepting connections, {@code size} event loops doing the sockets' I/O, and {@code size} threads
 * running the calls' handlers (java-control-plane's request processing). Without them gRPC uses its
 * process-wide defaults, whose call executor is a cached pool that grows with concurrent calls and
 * shrinks only after a minute idle: the server's thread count would depend on the load's timing.
 * With them, a server holds exactly {@link #sizes()} threads however many streams come and go.
 */
final class ServingThreads implements AutoCloseable {
  // Netty names an event loop's thread <prefix>-<group number>-<loop number>
  static final String ACCEPT = "gatewire-xds-accept-#-#";
  static final String IO = "gatewire-xds-io-#-#";
  static final String CALLS = "gatewire-xds-call-#";

  private final int size;
  private final EventLoopGroup accept;
  private final EventLoopGroup io;
  private final ThreadPoolExecutor calls;

  ServingThreads(int size) {
    this.size = size;
    accept =
        started(new NioEventLoopGroup(1, new DefaultThreadFactory("gatewire-xds-accept", true)));
    io = started(new NioEventLoopGroup(size, new DefaultThreadFactory("gatewire-xds-io", true)));
    AtomicInteger count = new AtomicInteger();
    calls =
        new ThreadPoolExecutor(
            size,
            size,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "gatewire-xds-call-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    calls.prestartAllCoreThreads();
  }

  /**
   * Two I/O loops and two call threads per core, as many loops as Netty's default (and gRPC's
   * shared group) has.
   */
  static ServingThreads perCore() {
    return new ServingThreads(2 * Runtime.getRuntime().availableProcessors());
  }

  EventLoopGroup accept() {
    return accept;
  }

  EventLoopGroup io() {
    return io;
  }

  ExecutorService calls() {
    return calls;
  }

  /**
   * Each pool's thread name, digits written {@code #}, with its number of threads: what a server
   * holds from {@code start} to {@code close}.
   */
  Map<String, Integer> sizes() {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    sizes.put(ACCEPT, 1);
    sizes.put(IO, size);
    sizes.put(CALLS, size);
    return sizes;
  }

  /** Stops every thread; called once the server has terminated. */
  @Override
  public void close() {
    calls.shutdown();
    accept.shutdownGracefully(0, 5, TimeUnit.SECONDS);
    io.shutdownGracefully(0, 5, TimeUnit.SECONDS);
    try {
      calls.awaitTermination(5, TimeUnit.SECONDS);
      accept.terminationFuture().await(5, TimeUnit.SECONDS);
      io.terminationFuture().await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Netty starts an event loop's thread on its first task: give each one, so all run now. */
  private static EventLoopGroup started(EventLoopGroup group) {
    for (EventExecutor loop : group) {
      loop.submit(() -> {}).syncUninterruptibly();
    }
    return group;
  }
}
