package io.gatewire.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/** What the JVM can tell about itself: heap after full GCs, CPU time, live threads. */
public final class JvmProbe {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private JvmProbe() {}

  /**
   * Heap used after full GCs ({@code System.gc()} five times with a 50 ms settle): the least seen.
   */
  public static long heapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** CPU time of the whole process (all threads, GC included), in nanoseconds. */
  public static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** CPU time of the live threads whose name starts with {@code prefix}, in nanoseconds. */
  public static long threadsCpuNanos(String prefix) {
    long total = 0;
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(prefix)) {
        long cpu = THREADS.getThreadCpuTime(info.getThreadId());
        total += Math.max(0, cpu);
      }
    }
    return total;
  }

  public static int liveThreads() {
    return THREADS.getThreadCount();
  }

  /**
   * Live threads by name with its numbers replaced by {@code #}: how many threads each pool has.
   */
  public static Map<String, Integer> threadsByPool() {
    Map<String, Integer> pools = new TreeMap<>();
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null) {
        pools.merge(info.getThreadName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
      }
    }
    return pools;
  }
}
