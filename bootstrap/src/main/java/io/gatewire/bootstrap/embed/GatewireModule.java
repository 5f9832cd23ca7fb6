package io.gatewire.bootstrap.embed;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.gatewire.application.port.in.SyncConfigurationUseCase;
import io.gatewire.application.port.in.TranslateConfigurationUseCase;
import io.gatewire.application.service.ConfigurationPipeline;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.ProxyConfigSink;
import io.gatewire.domain.port.StatusSink;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;

/**
 * The core wiring: translator and use cases. It needs bindings for {@link ConfigurationSource},
 * {@link ProxyConfigSink}, {@link StatusSink} and {@link TranslatorOptions} from another module.
 */
public final class GatewireModule extends AbstractModule {

  @Provides
  @Singleton
  Translator translator(TranslatorOptions options) {
    return new Translator(options);
  }

  @Provides
  @Singleton
  ConfigurationPipeline pipeline(ConfigurationSource source, Translator translator, ProxyConfigSink proxySink,
      StatusSink statusSink) {
    return new ConfigurationPipeline(source, translator, proxySink, statusSink);
  }

  @Provides
  TranslateConfigurationUseCase translateUseCase(ConfigurationPipeline pipeline) {
    return pipeline;
  }

  @Provides
  SyncConfigurationUseCase syncUseCase(ConfigurationPipeline pipeline) {
    return pipeline;
  }
}
