package io.gatewire.benchmarks.propagation;

import java.util.List;

/**
 * Median, 90th percentile (nearest rank) and maximum of some measurements, in their unit.
 *
 * @param count how many measurements
 */
record Summary(int count, double median, double p90, double max) {
  static Summary of(List<Double> values) {
    if (values.isEmpty()) {
      return new Summary(0, Double.NaN, Double.NaN, Double.NaN);
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    double p90 = sorted.get((int) Math.ceil(0.9 * n) - 1);
    return new Summary(n, median, p90, sorted.get(n - 1));
  }
}
