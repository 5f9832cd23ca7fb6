package io.gatewire.bootstrap.embed;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.gatewire.application.port.in.SyncConfigurationUseCase;
import io.gatewire.application.port.in.TranslateConfigurationUseCase;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.ProxyConfigSink;
import io.gatewire.domain.port.SourceException;
import io.gatewire.domain.port.StatusSink;
import io.gatewire.domain.translate.TranslationResult;
import io.gatewire.domain.translate.TranslatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Gatewire as a library: give it a source and sinks (any implementation of the domain ports), then
 * translate once or keep the sinks in sync with the source.
 *
 * <pre>{@code
 * Gatewire gatewire = Gatewire.builder()
 *     .source(mySource)
 *     .proxySink(ir -> myPublisher.push(ir))
 *     .statusSink((statuses, warnings) -> log(statuses))
 *     .build();
 * gatewire.translateOnce();
 * }</pre>
 */
public final class Gatewire {
  private final Injector injector;

  private Gatewire(Injector injector) {
    this.injector = injector;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Reads the source once, translates, and hands the result to the sinks. */
  public TranslationResult translateOnce() throws SourceException {
    return injector.getInstance(TranslateConfigurationUseCase.class).translateOnce();
  }

  /**
   * Loads and publishes, then follows the source's changes (debounced), keeping the last good
   * configuration on errors.
   */
  public ConfigurationSource.Watch start() {
    return sync().start();
  }

  public SyncConfigurationUseCase.SyncState state() {
    return sync().state();
  }

  /** The injector, for embedders that bound more of their own. */
  public Injector injector() {
    return injector;
  }

  private SyncConfigurationUseCase sync() {
    return injector.getInstance(SyncConfigurationUseCase.class);
  }

  /** Collects the ports and options; {@link #override(Module)} replaces any binding. */
  public static final class Builder {
    private ConfigurationSource source;
    private ProxyConfigSink proxySink;
    private StatusSink statusSink = (statuses, warnings) -> {};
    private TranslatorOptions options = TranslatorOptions.DEFAULTS;
    private GatewireModule.Settings settings = GatewireModule.Settings.DEFAULTS;
    private final List<Module> overrides = new ArrayList<>();

    public Builder source(ConfigurationSource source) {
      this.source = source;
      return this;
    }

    public Builder proxySink(ProxyConfigSink proxySink) {
      this.proxySink = proxySink;
      return this;
    }

    public Builder statusSink(StatusSink statusSink) {
      this.statusSink = statusSink;
      return this;
    }

    public Builder options(TranslatorOptions options) {
      this.options = options;
      return this;
    }

    /** How long a burst of change signals must be quiet before the source is loaded again. */
    public Builder debounce(Duration debounce) {
      this.settings = new GatewireModule.Settings(debounce);
      return this;
    }

    public Builder override(Module module) {
      overrides.add(module);
      return this;
    }

    public Gatewire build() {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(proxySink, "proxySink");
      Module ports =
          new AbstractModule() {
            @Override
            protected void configure() {
              bind(ConfigurationSource.class).toInstance(source);
              bind(ProxyConfigSink.class).toInstance(proxySink);
              bind(StatusSink.class).toInstance(statusSink);
              bind(TranslatorOptions.class).toInstance(options);
              bind(GatewireModule.Settings.class).toInstance(settings);
            }
          };
      Module base = Modules.combine(new GatewireModule(), ports);
      return new Gatewire(Guice.createInjector(Modules.override(base).with(overrides)));
    }
  }
}
