package io.gatewire.adapters.k8s.status;

/**
 * Where the status writer looks up an object's current status. It is asked for every reported
 * object on every pass, and compares the resourceVersion first, so a cached implementation (an
 * informer store) makes an unchanged report cost a map lookup per object. A stale answer is safe:
 * the write then fails with a conflict and the writer re-reads from the API server.
 */
@FunctionalInterface
public interface CurrentObjects {
  /** The object now, or null when it does not exist. */
  CurrentObject find(StatusTarget target);
}
