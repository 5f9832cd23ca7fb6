package io.gatewire.bootstrap.envoy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One sample of Prometheus text exposition: metric name, labels, value. */
record PrometheusSeries(String name, Map<String, String> labels, double value) {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+)$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** Every sample of {@code text}, comments left out. */
  static List<PrometheusSeries> parse(String text) {
    List<PrometheusSeries> series = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line.trim());
      if (line.startsWith("#") || !sample.matches()) {
        continue;
      }
      Map<String, String> labels = new TreeMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      series.add(
          new PrometheusSeries(sample.group(1), labels, Double.parseDouble(sample.group(3))));
    }
    return series;
  }

  /** Whether every label of {@code wanted} has that value here. */
  boolean has(Map<String, String> wanted) {
    return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }
}
