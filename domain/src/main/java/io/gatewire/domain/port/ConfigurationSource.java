package io.gatewire.domain.port;

import io.gatewire.domain.model.GatewayResources;

/** Where Gateway API objects come from: files, a cluster, or whatever an embedding team plugs in. */
public interface ConfigurationSource {

  /**
   * Reads everything once.
   *
   * @throws SourceException when the input cannot be read or parsed; its message names the place
   */
  GatewayResources load() throws SourceException;

  /**
   * Starts telling {@code listener} about changes; the first call reports the current state. The
   * default source cannot watch and reports its one load.
   */
  default Watch watch(ChangeListener listener) {
    try {
      listener.onResources(load());
    } catch (SourceException e) {
      listener.onError(e);
    }
    return () -> { };
  }

  /** Receives the source's states and its failures to produce one. */
  interface ChangeListener {
    void onResources(GatewayResources resources);

    void onError(SourceException error);
  }

  /** A running watch; closing it stops the notifications. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }
}
