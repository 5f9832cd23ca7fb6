package io.gatewire.benchmarks.propagation;

import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.gatewire.adapters.xds.XdsResources;
import io.gatewire.testkit.envoy.Envoy;
import io.gatewire.testkit.envoy.EnvoyBootstrap;
import io.gatewire.testkit.envoy.ListenerPorts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One variant of one workload's RouteConfiguration applied by one fresh Envoy: Envoy starts on the
 * served listeners, clusters and endpoints and the variant (A); then, {@code samples} times, it is
 * sent the variant without its middle virtual host (B) or A again, alternately, so every update is
 * a real rebuild of the whole table (Envoy skips a RouteConfiguration whose hash did not change).
 * Per update: Envoy's {@code update_duration} for that update alone (the histogram's interval value
 * after the next stats flush, when the flush interval held only this update) and the time from
 * handing the snapshot to the server until Envoy's RDS {@code update_time} (set when it finished
 * applying); Envoy's RSS and allocated heap after the samples.
 */
final class RdsApplyRun {
  private static final Pattern INTERVAL = Pattern.compile("P(50|100)\\(([^,]+),([^)]+)\\)");
  private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration UPDATE_TIMEOUT = Duration.ofMinutes(2);

  /**
   * @param applyMs Envoy's {@code update_duration} of each sample update
   * @param wallMs from {@link RdsFeed#serve} to Envoy's RDS {@code update_time}, per sample
   */
  record Result(
      int routes,
      RouteVariant variant,
      int virtualHosts,
      long bytes,
      Duration startup,
      List<Double> applyMs,
      List<Double> wallMs,
      long rssKib,
      long peakRssKib,
      long allocatedBytes) {
    Summary apply() {
      return Summary.of(applyMs);
    }

    Summary wall() {
      return Summary.of(wallMs);
    }
  }

  private RdsApplyRun() {}

  static Result run(
      int routes,
      RouteVariant variant,
      XdsResources served,
      int samples,
      Optional<Object> statsConfig) {
    if (served.routes().size() != 1) {
      throw new IllegalStateException(
          "expected the Gateway's one RouteConfiguration, got " + served.routes().size());
    }
    RouteConfiguration full = variant.apply(served.routes().get(0));
    RouteConfiguration lessOne =
        full.toBuilder().removeVirtualHosts(full.getVirtualHostsCount() / 2).build();
    int port = ListenerPorts.pick();
    XdsResources fixed =
        new XdsResources(
            served.listeners().stream().map(l -> onLoopback(l, port)).toList(),
            List.of(),
            served.clusters(),
            served.endpoints(),
            served.secrets());
    try (RdsFeed feed = new RdsFeed(fixed)) {
      Snapshot a = feed.snapshot(full);
      Snapshot b = feed.snapshot(lessOne);
      feed.serve(a);
      EnvoyBootstrap bootstrap =
          EnvoyBootstrap.ads("rds-apply", "rds-apply", feed.port())
              .withInitialFetchTimeout(Duration.ZERO);
      if (statsConfig.isPresent()) {
        bootstrap = bootstrap.withStatsConfig(statsConfig.get());
      }
      try (Envoy envoy = Envoy.start(bootstrap)) {
        Duration startup = envoy.startup().plus(envoy.awaitLive(START_TIMEOUT));
        Map<String, Long> updated = awaitRdsUpdate(envoy, Map.of());
        awaitListenersActive(envoy, fixed.listeners().size());
        awaitFlush(envoy);
        List<Double> apply = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
          Snapshot next = i % 2 == 0 ? b : a;
          long sent = System.currentTimeMillis();
          feed.serve(next);
          Map<String, Long> now = awaitRdsUpdate(envoy, updated);
          wall.add((double) (EnvoyUpdates.lastChange(updated, now) - sent));
          updated = now;
          apply.add(appliedDuration(envoy));
        }
        requireNoRejection(envoy);
        ProcessUsage usage = ProcessUsage.of(envoy.pid());
        return new Result(
            routes,
            variant,
            full.getVirtualHostsCount(),
            full.getSerializedSize(),
            startup,
            apply,
            wall,
            usage.rssKib(),
            usage.peakRssKib(),
            gauge(envoy, "server.memory_allocated"));
      }
    }
  }

  /** The listener on 127.0.0.1:{@code port}: the served one binds the Gateway's port on all. */
  private static Listener onLoopback(Listener listener, int port) {
    return listener.toBuilder()
        .setAddress(
            Address.newBuilder()
                .setSocketAddress(
                    SocketAddress.newBuilder().setAddress("127.0.0.1").setPortValue(port)))
        .build();
  }

  /**
   * Waits until Envoy has {@code count} active listeners (read from its listener manager's gauges:
   * a config dump with 10,000 clusters can take longer than the admin client waits on a busy
   * machine); fails with the listeners' errors otherwise.
   */
  private static void awaitListenersActive(Envoy envoy, int count) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (gauge(envoy, "listener_manager.total_listeners_active") < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Envoy's listeners were not active within "
                + START_TIMEOUT
                + ": "
                + envoy.listenerErrors());
      }
      sleep(50);
    }
  }

  /** Waits until an RDS {@code update_time} gauge differs from {@code before}; returns them all. */
  private static Map<String, Long> awaitRdsUpdate(Envoy envoy, Map<String, Long> before) {
    long deadline = System.nanoTime() + UPDATE_TIMEOUT.toNanos();
    while (true) {
      Map<String, Long> now = envoy.gauges("^http\\..*\\.rds\\..*\\.update_time$");
      if (!now.isEmpty() && EnvoyUpdates.lastChange(before, now) > 0) {
        return now;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Envoy did not apply the RouteConfiguration within "
                + UPDATE_TIMEOUT
                + "; rejected so far: "
                + envoy.xds().rejected());
      }
      sleep(5);
    }
  }

  /**
   * Envoy's {@code update_duration} of the update it has just applied. Envoy flushes its stats
   * every 5 s ({@code server.uptime} is set at each flush), and a histogram's interval values then
   * cover the updates since the flush before. Updates are one flush apart here, so the interval
   * after the next flush holds this update alone, unless a flush came between the update and this
   * call: then that interval is empty and the one read now holds it.
   */
  private static double appliedDuration(Envoy envoy) {
    double now = intervalDuration(envoy);
    awaitFlush(envoy);
    double next = intervalDuration(envoy);
    if (Double.isNaN(next) && Double.isNaN(now)) {
      throw new IllegalStateException("no RDS update_duration in the last two flush intervals");
    }
    return Double.isNaN(next) ? now : next;
  }

  /** Waits for Envoy's next stats flush (every 5 s). */
  private static void awaitFlush(Envoy envoy) {
    long before = gauge(envoy, "server.uptime");
    while (gauge(envoy, "server.uptime") == before) {
      sleep(100);
    }
  }

  /** The RDS {@code update_duration} of the last flush interval; NaN when it held no update. */
  private static double intervalDuration(Envoy envoy) {
    String text =
        envoy.admin(
            "/stats?type=Histograms&filter="
                + URLEncoder.encode(
                    "^http\\..*\\.rds\\..*\\.update_duration$", StandardCharsets.UTF_8));
    for (String line : text.split("\n")) {
      Matcher percentile = INTERVAL.matcher(line);
      while (percentile.find()) {
        if (percentile.group(1).equals("100")) {
          return percentile.group(2).equals("nan")
              ? Double.NaN
              : Double.parseDouble(percentile.group(2));
        }
      }
    }
    throw new IllegalStateException("Envoy has no RDS update_duration: " + text);
  }

  private static void requireNoRejection(Envoy envoy) {
    long rejected = envoy.xds().rejected();
    if (rejected > 0) {
      throw new IllegalStateException(
          "Envoy rejected " + rejected + " updates: " + envoy.xds() + "\n" + envoy.stderr());
    }
  }

  private static long gauge(Envoy envoy, String name) {
    Long value = envoy.gauges("^" + name.replace(".", "\\.") + "$").get(name);
    if (value == null) {
      throw new IllegalStateException("Envoy has no gauge " + name);
    }
    return value;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
