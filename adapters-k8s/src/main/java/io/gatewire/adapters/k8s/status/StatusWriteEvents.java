package io.gatewire.adapters.k8s.status;

/**
 * What the status writer did with one object, for metrics (and tests); called on the writer thread.
 * Every method does nothing unless overridden.
 */
public interface StatusWriteEvents {
  StatusWriteEvents NONE = new StatusWriteEvents() {};

  /** The status was written. */
  default void written(StatusTarget target) {}

  /**
   * The object already held the status (ignoring transition times), or no longer exists: nothing
   * written.
   */
  default void unchanged(StatusTarget target) {}

  /** A write conflicted with a concurrent change; the object is re-read and merged again. */
  default void conflicted(StatusTarget target) {}

  /** The write failed and is retried after a backoff. */
  default void failed(StatusTarget target, RuntimeException cause) {}
}
