package io.gatewire.benchmarks.propagation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says a process has used: CPU time (user and system, all threads) from {@code
 * /proc/PID/stat}, resident memory now and its peak from {@code /proc/PID/status}. The peak can be
 * reset ({@code /proc/PID/clear_refs}), so a phase of a run reports its own peak.
 *
 * @param cpuSeconds user plus system CPU time since the process started
 * @param rssKib resident set size now
 * @param peakRssKib the highest resident set size since the start or the last {@link #resetPeak}
 */
record ProcessUsage(double cpuSeconds, long rssKib, long peakRssKib) {
  /** Linux's USER_HZ, the unit of the CPU times in {@code /proc/PID/stat}: 100 on every arch. */
  private static final double TICKS_PER_SECOND = 100.0;

  static ProcessUsage of(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the command name (field 2) may hold spaces; the fields after its closing ')' do not
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      long rss = 0;
      long peak = 0;
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kib(line);
        } else if (line.startsWith("VmHWM:")) {
          peak = kib(line);
        }
      }
      return new ProcessUsage(ticks / TICKS_PER_SECOND, rss, peak);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc for process " + pid, e);
    }
  }

  /** Starts a new peak at the current resident size. */
  static void resetPeak(long pid) {
    try {
      Files.writeString(
          Path.of("/proc", Long.toString(pid), "clear_refs"), "5", StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reset the peak RSS of process " + pid, e);
    }
  }

  /** CPU seconds used since {@code earlier}; the peak is this reading's. */
  ProcessUsage since(ProcessUsage earlier) {
    return new ProcessUsage(cpuSeconds - earlier.cpuSeconds, rssKib, peakRssKib);
  }

  private static long kib(String statusLine) {
    return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
  }
}
