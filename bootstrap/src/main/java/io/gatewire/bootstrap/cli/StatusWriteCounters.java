package io.gatewire.bootstrap.cli;

import io.gatewire.adapters.k8s.status.StatusTarget;
import io.gatewire.adapters.k8s.status.StatusWriteEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the cluster status writer did, as {@code gatewire.status.writes{outcome}} counters on
 * /metrics.
 */
final class StatusWriteCounters implements StatusWriteEvents {
  private final Counter written;
  private final Counter unchanged;
  private final Counter conflicted;
  private final Counter failed;

  StatusWriteCounters(MeterRegistry registry) {
    written = counter(registry, "written", "status written through the status subresource");
    unchanged =
        counter(
            registry, "unchanged", "status already as desired (or object gone): nothing written");
    conflicted =
        counter(
            registry,
            "conflicted",
            "write conflicted with a concurrent change: re-read and merged again");
    failed = counter(registry, "failed", "write failed: retried after a backoff");
  }

  private static Counter counter(MeterRegistry registry, String outcome, String description) {
    return Counter.builder("gatewire.status.writes")
        .tag("outcome", outcome)
        .description(description)
        .register(registry);
  }

  @Override
  public void written(StatusTarget target) {
    written.increment();
  }

  @Override
  public void unchanged(StatusTarget target) {
    unchanged.increment();
  }

  @Override
  public void conflicted(StatusTarget target) {
    conflicted.increment();
  }

  @Override
  public void failed(StatusTarget target, RuntimeException cause) {
    failed.increment();
  }
}
