package io.gatewire.testkit.envoy;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many xDS updates Envoy accepted ({@code update_success}) and rejected ({@code
 * update_rejected}, a NACK) per type, summed over every subscription of that type, read from its
 * stats: {@code cluster_manager.cds.*}, {@code listener_manager.lds.*}, {@code
 * http.<prefix>.rds.<route config>.*}, {@code cluster.<cluster>.*} (EDS; a DNS cluster counts its
 * resolutions there too) and {@code sds.<secret>.*}.
 *
 * @param byType {@code cds}, {@code lds}, {@code rds}, {@code eds}, {@code sds}, each present once
 *     Envoy has such a subscription
 */
public record XdsCounts(SortedMap<String, Counts> byType) {
  private static final Pattern UPDATE = Pattern.compile("^(.*)\\.update_(success|rejected)$");

  /** One type's accepted and rejected updates. */
  public record Counts(long success, long rejected) {
    Counts plus(boolean rejection, long value) {
      return rejection
          ? new Counts(success, rejected + value)
          : new Counts(success + value, rejected);
    }
  }

  public XdsCounts {
    byType = new TreeMap<>(byType);
  }

  static XdsCounts of(Map<String, Long> stats) {
    SortedMap<String, Counts> byType = new TreeMap<>();
    stats.forEach(
        (name, value) -> {
          Matcher matcher = UPDATE.matcher(name);
          if (!matcher.matches()) {
            return;
          }
          String type = type(matcher.group(1));
          if (type != null) {
            byType.merge(
                type,
                new Counts(0, 0).plus(matcher.group(2).equals("rejected"), value),
                (a, b) -> new Counts(a.success() + b.success(), a.rejected() + b.rejected()));
          }
        });
    return new XdsCounts(byType);
  }

  private static String type(String prefix) {
    if (prefix.equals("cluster_manager.cds")) {
      return "cds";
    }
    if (prefix.equals("listener_manager.lds")) {
      return "lds";
    }
    if (prefix.startsWith("http.") && prefix.contains(".rds.")) {
      return "rds";
    }
    if (prefix.startsWith("sds.")) {
      return "sds";
    }
    if (prefix.startsWith("cluster.") && !prefix.equals("cluster." + EnvoyBootstrap.XDS_CLUSTER)) {
      return "eds";
    }
    return null;
  }

  /** Rejections of every type together. */
  public long rejected() {
    return byType.values().stream().mapToLong(Counts::rejected).sum();
  }

  /** Accepted updates of {@code type}, 0 when Envoy has no such subscription. */
  public long success(String type) {
    Counts counts = byType.get(type);
    return counts == null ? 0 : counts.success();
  }
}
