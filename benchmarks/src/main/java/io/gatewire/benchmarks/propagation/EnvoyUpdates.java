package io.gatewire.benchmarks.propagation;

import io.gatewire.testkit.envoy.Envoy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Envoy's own account of the updates it applied, from its admin interface: the {@code update_time}
 * gauges (when the last update of a subscription was applied, in milliseconds since the epoch) of
 * CDS, LDS, the RDS of the listener and one cluster's EDS, and the {@code update_duration}
 * histograms (how long applying took, in milliseconds) of CDS, LDS and RDS.
 */
final class EnvoyUpdates {
  private static final Pattern PERCENTILE = Pattern.compile("P(50|90|100)\\(([^,]+),([^)]+)\\)");
  private final Envoy envoy;

  EnvoyUpdates(Envoy envoy) {
    this.envoy = envoy;
  }

  /**
   * The {@code update_time} gauges of CDS, LDS, every RDS subscription and, when given, the EDS of
   * {@code cluster}.
   */
  Map<String, Long> updateTimes(Optional<String> cluster) {
    String names =
        "cluster_manager\\.cds|listener_manager\\.lds|http\\..*\\.rds\\..*"
            + cluster.map(c -> "|cluster\\." + Pattern.quote(c)).orElse("");
    String regex = "^(" + names + ")\\.update_time$";
    return envoy.gauges(regex);
  }

  /** When Envoy last applied one of the updates that changed between two readings; 0 if none. */
  static long lastChange(Map<String, Long> before, Map<String, Long> after) {
    long last = 0;
    for (Map.Entry<String, Long> gauge : after.entrySet()) {
      if (!gauge.getValue().equals(before.get(gauge.getKey()))) {
        last = Math.max(last, gauge.getValue());
      }
    }
    return last;
  }

  /**
   * The {@code update_duration} histograms of CDS, LDS and RDS over Envoy's whole run (as of its
   * last stats flush, every 5 s): median, 90th percentile and maximum in milliseconds, by name.
   */
  Map<String, Summary> updateDurations() {
    Map<String, Summary> durations = new TreeMap<>();
    String regex =
        "^(cluster_manager\\.cds|listener_manager\\.lds|http\\..*\\.rds\\..*)\\.update_duration$";
    String text =
        envoy.admin(
            "/stats?type=Histograms&filter=" + URLEncoder.encode(regex, StandardCharsets.UTF_8));
    for (String line : text.split("\n")) {
      int colon = line.indexOf(": ");
      if (colon < 0) {
        continue;
      }
      Map<String, Double> cumulative = new TreeMap<>();
      Matcher percentile = PERCENTILE.matcher(line.substring(colon + 2));
      while (percentile.find()) {
        cumulative.put(percentile.group(1), parse(percentile.group(3)));
      }
      if (cumulative.size() == 3) {
        durations.put(
            line.substring(0, colon),
            new Summary(-1, cumulative.get("50"), cumulative.get("90"), cumulative.get("100")));
      }
    }
    return durations;
  }

  private static double parse(String value) {
    return value.equals("nan") ? Double.NaN : Double.parseDouble(value);
  }
}
