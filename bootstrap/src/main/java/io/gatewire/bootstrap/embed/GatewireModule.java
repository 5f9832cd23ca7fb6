package io.gatewire.bootstrap.embed;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.gatewire.adapters.xds.regex.EnvoyRegexDialect;
import io.gatewire.adapters.xds.tls.EnvoyCertificateRules;
import io.gatewire.application.port.in.SyncConfigurationUseCase;
import io.gatewire.application.port.in.TranslateConfigurationUseCase;
import io.gatewire.application.service.ConfigurationPipeline;
import io.gatewire.bootstrap.logging.ReloadLog;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.ProxyConfigSink;
import io.gatewire.domain.port.StatusSink;
import io.gatewire.domain.translate.CertificateRules;
import io.gatewire.domain.translate.RegexDialect;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import java.time.Duration;

/**
 * The core wiring: translator and use cases. It needs bindings for {@link ConfigurationSource},
 * {@link ProxyConfigSink}, {@link StatusSink}, {@link TranslatorOptions} and {@link Settings} from
 * another module. Regular expressions are checked in Envoy's dialect ({@link EnvoyRegexDialect},
 * RE2 under Envoy's default program size limit) unless an override binds another {@link
 * RegexDialect}; listener certificates by Envoy's rules ({@link EnvoyCertificateRules}) unless an
 * override binds other {@link CertificateRules}.
 */
public final class GatewireModule extends AbstractModule {
  @Provides
  @Singleton
  RegexDialect regexDialect() {
    return new EnvoyRegexDialect();
  }

  @Provides
  @Singleton
  CertificateRules certificateRules() {
    return new EnvoyCertificateRules();
  }

  @Provides
  @Singleton
  Translator translator(
      TranslatorOptions options, RegexDialect regexes, CertificateRules certificates) {
    return new Translator(options, regexes, certificates);
  }

  @Provides
  @Singleton
  ConfigurationPipeline pipeline(
      ConfigurationSource source,
      Translator translator,
      ProxyConfigSink proxySink,
      StatusSink statusSink,
      Settings settings) {
    return new ConfigurationPipeline(
        source, translator, proxySink, statusSink, settings.debounce(), new ReloadLog());
  }

  /** How the pipeline runs: the debounce between a change signal and the reload. */
  public record Settings(Duration debounce) {
    public static final Settings DEFAULTS = new Settings(ConfigurationPipeline.DEFAULT_DEBOUNCE);
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
