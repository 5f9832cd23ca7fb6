package io.gatewire.application.port.in;

import io.gatewire.domain.port.ConfigurationSource;

/**
 * Keeps the sinks in step with the source: the first state and every later change are translated
 * and published; a source error keeps the last good configuration published and marks it stale.
 */
public interface SyncConfigurationUseCase {
  /** Loads and publishes once, then follows the source's changes; the returned handle stops it. */
  ConfigurationSource.Watch start();

  /** The health of what is being served. */
  SyncState state();

  /**
   * What the sinks hold: whether anything good was ever published, whether the latest source state
   * failed (the published configuration is then stale), the last error, how many translations were
   * published and how many loads failed.
   */
  record SyncState(
      boolean hasConfiguration, boolean stale, String lastError, long translations, long errors) {}
}
