package io.gatewire.adapters.k8s.source;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running informer (resync 0) over one served kind, named for messages ({@code HTTPRoute},
 * {@code Secret team/cert}). Its handlers only call {@code changed}: on adds, deletes, updates that
 * change more than bookkeeping ({@link ObjectTrees#changed}) and once its initial list is in, so
 * that a load that gave up waiting for it is retried. The source reads its store when it loads.
 *
 * <p>A failed list or watch is logged (a WARN naming the kind and the API server's reason, such as
 * RBAC's "cannot list resource ... in API group ...") and retried with fabric8's backoff, never
 * given up: an informer refused by RBAC starts once the rule is granted, without a restart.
 */
final class KindInformer {
  private static final Logger LOG = LoggerFactory.getLogger(KindInformer.class);

  private final String name;
  private final ServedKind kind;
  private final SharedIndexInformer<GenericKubernetesResource> informer;
  private final CompletableFuture<Void> synced;
  private final AtomicReference<String> lastError;

  private KindInformer(
      String name,
      ServedKind kind,
      SharedIndexInformer<GenericKubernetesResource> informer,
      CompletableFuture<Void> synced,
      AtomicReference<String> lastError) {
    this.name = name;
    this.kind = kind;
    this.informer = informer;
    this.synced = synced;
    this.lastError = lastError;
  }

  /** Adds the handlers to a created, not yet running {@code informer} and starts it. */
  static KindInformer start(
      String name,
      ServedKind kind,
      SharedIndexInformer<GenericKubernetesResource> informer,
      ObjectTrees trees,
      Runnable changed) {
    return start(name, kind, informer, trees, changed, object -> {});
  }

  /**
   * As {@link #start(String, ServedKind, SharedIndexInformer, ObjectTrees, Runnable)}, and hands
   * {@code statusEdited} every object whose update changed its status and nothing that is
   * translated.
   */
  static KindInformer start(
      String name,
      ServedKind kind,
      SharedIndexInformer<GenericKubernetesResource> informer,
      ObjectTrees trees,
      Runnable changed,
      Consumer<GenericKubernetesResource> statusEdited) {
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(GenericKubernetesResource object) {
            changed.run();
          }

          @Override
          public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
            if (trees.changed(before, after)) {
              changed.run();
            } else if (trees.statusChanged(before, after)) {
              statusEdited.accept(after);
            }
          }

          @Override
          public void onDelete(GenericKubernetesResource object, boolean finalStateUnknown) {
            changed.run();
          }
        });
    AtomicReference<String> lastError = new AtomicReference<>();
    informer.exceptionHandler(
        (started, error) -> {
          String reason = String.valueOf(error.getMessage());
          if (!reason.equals(lastError.getAndSet(reason))) {
            LOG.warn(
                "{} informer: {} failed, retrying: {}",
                name,
                started ? "watch" : "initial list",
                reason);
          }
          return true;
        });
    CompletableFuture<Void> synced = informer.start().toCompletableFuture();
    synced.thenRun(
        () -> {
          if (lastError.getAndSet(null) != null) {
            LOG.info("{} informer: listed after earlier failures", name);
          }
          changed.run();
        });
    return new KindInformer(name, kind, informer, synced, lastError);
  }

  String name() {
    return name;
  }

  ServedKind kind() {
    return kind;
  }

  CompletableFuture<Void> synced() {
    return synced;
  }

  /** Why the last list or watch failed, while it has not succeeded since; else empty. */
  Optional<String> lastError() {
    return Optional.ofNullable(lastError.get());
  }

  List<GenericKubernetesResource> objects() {
    return informer.getStore().list();
  }

  /** The cached object, or null; {@code namespace} is empty for cluster-scoped kinds. */
  GenericKubernetesResource cached(String namespace, String objectName) {
    return informer
        .getStore()
        .getByKey(namespace.isEmpty() ? objectName : namespace + "/" + objectName);
  }

  void close() {
    informer.close();
  }
}
