package io.gatewire.domain.port;

import io.gatewire.domain.model.GatewayResources;

/**
 * Where Gateway API objects come from: files, a cluster, or whatever an embedding team plugs in. A
 * source reads its whole state with {@link #load()}; a source that can watch also says when that
 * state may have changed, and the application decides when to load again (it debounces bursts).
 */
public interface ConfigurationSource {

  /**
   * Reads everything. A source may return the very same instance as last time when nothing changed,
   * which lets the caller skip the translation.
   *
   * @throws SourceException when the input cannot be read or parsed; its message names the place
   */
  GatewayResources load() throws SourceException;

  /**
   * Starts calling {@code changed} (from any thread) whenever the state may have changed. The
   * default source cannot watch.
   */
  default Watch watch(Runnable changed) {
    return () -> {};
  }

  /** A running watch; closing it stops the notifications. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }
}
