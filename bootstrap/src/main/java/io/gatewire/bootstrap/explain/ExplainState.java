package io.gatewire.bootstrap.explain;

import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.ProxyConfigSink;
import io.gatewire.domain.port.SourceException;
import io.gatewire.domain.port.StatusSink;
import io.gatewire.domain.translate.TranslationResult;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code serve} is serving, kept for {@code /explain}: wraps the source (to keep the input of
 * the latest load and where its objects were read) and the sinks (to keep its IR, statuses and
 * warnings); a translation's snapshot is complete once its status is reported. A load that fails
 * reaches no sink, so the snapshot stays the last good configuration's.
 */
public final class ExplainState {
  /** Reads the input, and tells where each object of that read was read. */
  @FunctionalInterface
  public interface LocatingSource {
    Located load() throws SourceException;
  }

  /** An input and where its objects were read ({@code file:line} or a cluster object). */
  public record Located(GatewayResources resources, Function<ObjectRef, String> locations) {}

  private final MetadataOptions metadata;
  private volatile ExplainSnapshot current;
  private Located loaded;
  private Ir ir = Ir.EMPTY;

  public ExplainState(MetadataOptions metadata) {
    this.metadata = metadata;
  }

  /** The snapshot of the configuration being served; empty before the first one. */
  public Optional<ExplainSnapshot> snapshot() {
    return Optional.ofNullable(current);
  }

  /** {@code delegate}'s watch, with loads read through {@code located}. */
  public ConfigurationSource source(ConfigurationSource delegate, LocatingSource located) {
    return new ConfigurationSource() {
      @Override
      public GatewayResources load() throws SourceException {
        Located read = located.load();
        synchronized (ExplainState.this) {
          loaded = read;
        }
        return read.resources();
      }

      @Override
      public Watch watch(Runnable changed) {
        return delegate.watch(changed);
      }
    };
  }

  public ProxyConfigSink proxySink(ProxyConfigSink delegate) {
    return published -> {
      synchronized (this) {
        ir = published;
      }
      delegate.publish(published);
    };
  }

  public StatusSink statusSink(StatusSink delegate) {
    return (statuses, warnings) -> {
      synchronized (this) {
        if (loaded != null) {
          current =
              new ExplainSnapshot(
                  loaded.resources(),
                  new TranslationResult(ir, statuses, warnings),
                  loaded.locations(),
                  metadata);
        }
      }
      delegate.report(statuses, warnings);
    };
  }
}
