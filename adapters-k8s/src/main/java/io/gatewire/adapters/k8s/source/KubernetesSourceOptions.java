package io.gatewire.adapters.k8s.source;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the cluster source watches: every namespace, or only {@code namespace} (namespaced kinds in
 * it, and its own Namespace object for {@code allowedRoutes} selectors); how long the first load
 * waits for the informers' initial lists; and how often it asks the API server again whether the
 * optional kinds it does not watch yet (their CRD was missing) are served now.
 */
public record KubernetesSourceOptions(
    Optional<String> namespace, Duration syncTimeout, Duration rediscoveryPeriod) {
  public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_REDISCOVERY_PERIOD = Duration.ofSeconds(30);
  public static final KubernetesSourceOptions ALL_NAMESPACES =
      new KubernetesSourceOptions(Optional.empty(), DEFAULT_SYNC_TIMEOUT);

  public KubernetesSourceOptions {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(syncTimeout, "syncTimeout");
    if (rediscoveryPeriod.isNegative() || rediscoveryPeriod.isZero()) {
      throw new IllegalArgumentException("rediscoveryPeriod must be positive");
    }
  }

  public KubernetesSourceOptions(Optional<String> namespace, Duration syncTimeout) {
    this(namespace, syncTimeout, DEFAULT_REDISCOVERY_PERIOD);
  }

  /** Watches {@code namespace} only, or every namespace when it is null or empty. */
  public static KubernetesSourceOptions namespace(String namespace) {
    return new KubernetesSourceOptions(
        Optional.ofNullable(namespace).filter(ns -> !ns.isEmpty()), DEFAULT_SYNC_TIMEOUT);
  }

  public KubernetesSourceOptions withSyncTimeout(Duration timeout) {
    return new KubernetesSourceOptions(namespace, timeout, rediscoveryPeriod);
  }

  public KubernetesSourceOptions withRediscoveryPeriod(Duration period) {
    return new KubernetesSourceOptions(namespace, syncTimeout, period);
  }
}
