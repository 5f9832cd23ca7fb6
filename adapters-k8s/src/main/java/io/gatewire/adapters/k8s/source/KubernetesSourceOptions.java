package io.gatewire.adapters.k8s.source;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the cluster source watches: every namespace, or only {@code namespace} (namespaced kinds in
 * it, and its own Namespace object for {@code allowedRoutes} selectors); and how long the first
 * load waits for the informers' initial lists.
 */
public record KubernetesSourceOptions(Optional<String> namespace, Duration syncTimeout) {
  public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofSeconds(60);
  public static final KubernetesSourceOptions ALL_NAMESPACES =
      new KubernetesSourceOptions(Optional.empty(), DEFAULT_SYNC_TIMEOUT);

  public KubernetesSourceOptions {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(syncTimeout, "syncTimeout");
  }

  /** Watches {@code namespace} only, or every namespace when it is null or empty. */
  public static KubernetesSourceOptions namespace(String namespace) {
    return new KubernetesSourceOptions(
        Optional.ofNullable(namespace).filter(ns -> !ns.isEmpty()), DEFAULT_SYNC_TIMEOUT);
  }

  public KubernetesSourceOptions withSyncTimeout(Duration timeout) {
    return new KubernetesSourceOptions(namespace, timeout);
  }
}
