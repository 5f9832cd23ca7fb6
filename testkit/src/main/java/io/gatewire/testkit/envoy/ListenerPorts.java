package io.gatewire.testkit.envoy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * Loopback ports for Envoy's listeners. A port is chosen before Envoy binds it, so another process
 * can take it meanwhile. {@link #pick} makes that unlikely: it chooses at random below the kernel's
 * ephemeral range, where no outgoing connection and no bind to port 0 lands. {@link #withRetry}
 * handles the rest: when Envoy reports the port taken ({@link PortTakenException}, from {@link
 * Envoy#awaitListenersBound}), the attempt is started again on another port.
 */
public final class ListenerPorts {
  /** The lowest port chosen: above the well-known and most registered service ports. */
  static final int LOWEST = 10_000;

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int EPHEMERAL_DEFAULT = 32_768;

  private ListenerPorts() {}

  /**
   * A loopback TCP port free now, chosen at random below the kernel's ephemeral ports (anywhere
   * above {@link #LOWEST} when that range starts too low to leave room).
   */
  public static int pick() {
    int ephemeralLow = ephemeralLow();
    int highest = ephemeralLow > LOWEST + 1_000 ? ephemeralLow - 1 : 65_535;
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, highest + 1);
      if (isFree(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free loopback port in " + LOWEST + "-" + highest);
  }

  /**
   * Runs {@code start} with a port from {@link #pick}; when it fails with {@link
   * PortTakenException} (it must have released what it started), runs it again with another port,
   * at most {@code attempts} times in all.
   */
  public static <T> T withRetry(int attempts, IntFunction<T> start) {
    PortTakenException last = null;
    for (int attempt = 0; attempt < attempts; attempt++) {
      try {
        return start.apply(pick());
      } catch (PortTakenException e) {
        last = e;
      }
    }
    throw new IllegalStateException("every port tried was taken", last);
  }

  /** The first port of the kernel's ephemeral range (32768 when it cannot be read). */
  public static int ephemeralLow() {
    try {
      String range = Files.readString(EPHEMERAL_RANGE, StandardCharsets.US_ASCII).trim();
      return Integer.parseInt(range.split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return EPHEMERAL_DEFAULT;
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
