package io.gatewire.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.gatewire.domain.fixtures.Fixtures;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.ProxyConfigSink;
import io.gatewire.domain.port.SourceException;
import io.gatewire.domain.port.StatusSink;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConfigurationPipelineTest {
  private final ProxyConfigSink proxy = mock(ProxyConfigSink.class);
  private final StatusSink status = mock(StatusSink.class);
  private final Translator translator = new Translator(TranslatorOptions.DEFAULTS);

  private static GatewayResources oneGateway() {
    return GatewayResources.builder().add(Fixtures.gatewayClass("gatewire"))
        .add(Fixtures.gateway("ns", "gw", Fixtures.http("web", 80))).build();
  }

  @Test
  void translateOnce_publishesIrAndStatus() throws Exception {
    ConfigurationSource source = mock(ConfigurationSource.class);
    when(source.load()).thenReturn(oneGateway());

    new ConfigurationPipeline(source, translator, proxy, status).translateOnce();

    verify(proxy).publish(any(Ir.class));
    verify(status).report(any(), any());
  }

  @Test
  void translateOnce_sourceError_publishesNothing() throws Exception {
    ConfigurationSource source = mock(ConfigurationSource.class);
    when(source.load()).thenThrow(new SourceException("a.yaml:3", "bad indentation"));
    ConfigurationPipeline pipeline = new ConfigurationPipeline(source, translator, proxy, status);

    assertThatThrownBy(pipeline::translateOnce).hasMessage("a.yaml:3: bad indentation");
    verify(proxy, never()).publish(any());
  }

  @Test
  void brokenEdit_keepsLastGoodConfiguration_andMarksItStale_untilFixed() {
    AtomicReference<ConfigurationSource.ChangeListener> listener = new AtomicReference<>();
    ConfigurationSource source = new ConfigurationSource() {
      @Override
      public GatewayResources load() {
        return oneGateway();
      }

      @Override
      public Watch watch(ChangeListener l) {
        listener.set(l);
        l.onResources(load());
        return () -> { };
      }
    };
    ConfigurationPipeline pipeline = new ConfigurationPipeline(source, translator, proxy, status);
    pipeline.start();

    listener.get().onError(new SourceException("routes.yaml:7", "mapping values are not allowed here"));

    verify(proxy, times(1)).publish(any());
    assertThat(pipeline.state().stale()).isTrue();
    assertThat(pipeline.state().hasConfiguration()).isTrue();
    assertThat(pipeline.state().lastError()).contains("routes.yaml:7");

    listener.get().onResources(oneGateway());

    verify(proxy, times(2)).publish(any());
    assertThat(pipeline.state()).isEqualTo(new io.gatewire.application.port.in.SyncConfigurationUseCase.SyncState(
        true, false, null, 2));
  }
}
