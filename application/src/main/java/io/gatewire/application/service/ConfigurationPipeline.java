package io.gatewire.application.service;

import io.gatewire.application.port.in.SyncConfigurationUseCase;
import io.gatewire.application.port.in.TranslateConfigurationUseCase;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.ProxyConfigSink;
import io.gatewire.domain.port.SourceException;
import io.gatewire.domain.port.StatusSink;
import io.gatewire.domain.translate.TranslationResult;
import io.gatewire.domain.translate.Translator;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Source to translator to sinks. A source failure never reaches the proxy sink, so the last good
 * configuration keeps serving; the failure is remembered as the reason the configuration is stale.
 */
public final class ConfigurationPipeline implements TranslateConfigurationUseCase, SyncConfigurationUseCase {
  private final ConfigurationSource source;
  private final Translator translator;
  private final ProxyConfigSink proxySink;
  private final StatusSink statusSink;
  private final AtomicReference<SyncState> state = new AtomicReference<>(new SyncState(false, false, null, 0));

  public ConfigurationPipeline(ConfigurationSource source, Translator translator, ProxyConfigSink proxySink,
      StatusSink statusSink) {
    this.source = source;
    this.translator = translator;
    this.proxySink = proxySink;
    this.statusSink = statusSink;
  }

  @Override
  public TranslationResult translateOnce() throws SourceException {
    return publish(source.load());
  }

  @Override
  public ConfigurationSource.Watch start() {
    return source.watch(new ConfigurationSource.ChangeListener() {
      @Override
      public void onResources(GatewayResources resources) {
        publish(resources);
      }

      @Override
      public void onError(SourceException error) {
        state.updateAndGet(s -> new SyncState(s.hasConfiguration(), true, error.getMessage(), s.translations()));
      }
    });
  }

  @Override
  public SyncState state() {
    return state.get();
  }

  private TranslationResult publish(GatewayResources resources) {
    TranslationResult result = translator.translate(resources);
    proxySink.publish(result.ir());
    statusSink.report(result.statuses(), result.warnings());
    state.updateAndGet(s -> new SyncState(true, false, null, s.translations() + 1));
    return result;
  }
}
