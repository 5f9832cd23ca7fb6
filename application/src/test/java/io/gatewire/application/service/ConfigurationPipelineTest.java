package io.gatewire.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConfigurationPipelineTest {
  private final ProxyConfigSink proxy = mock(ProxyConfigSink.class);
  private final StatusSink status = mock(StatusSink.class);
  private final Translator translator = new Translator(TranslatorOptions.DEFAULTS);
  private final List<SourceException> logged = new CopyOnWriteArrayList<>();

  /** Randomised so that no test depends on one timing. */
  private final Duration debounce = Duration.ofMillis(ThreadLocalRandom.current().nextInt(5, 60));

  private static GatewayResources gateway(String name) {
    return GatewayResources.builder()
        .add(Fixtures.gatewayClass("gatewire"))
        .add(Fixtures.gateway("ns", name, Fixtures.http("web", 80)))
        .build();
  }

  private ConfigurationPipeline pipeline(ConfigurationSource source) {
    return new ConfigurationPipeline(source, translator, proxy, status, debounce, logged::add);
  }

  /** A source whose next load result the test sets, and whose change signal the test fires. */
  private static final class ScriptedSource implements ConfigurationSource {
    private volatile Object next;
    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();
    final AtomicInteger loads = new AtomicInteger();

    ScriptedSource(Object first) {
      this.next = first;
    }

    void change(Object state) {
      next = state;
      watchers.forEach(Runnable::run);
    }

    void signalOnly() {
      watchers.forEach(Runnable::run);
    }

    @Override
    public GatewayResources load() throws SourceException {
      loads.incrementAndGet();
      if (next instanceof SourceException e) {
        throw e;
      }
      return (GatewayResources) next;
    }

    @Override
    public Watch watch(Runnable changed) {
      watchers.add(changed);
      return () -> watchers.remove(changed);
    }
  }

  @Test
  void translateOnce_publishesIrAndStatus() throws Exception {
    ConfigurationSource source = mock(ConfigurationSource.class);
    when(source.load()).thenReturn(gateway("gw"));

    pipeline(source).translateOnce();

    verify(proxy).publish(any(Ir.class));
    verify(status).report(any(), any());
  }

  @Test
  void translateOnce_sourceError_publishesNothing() throws Exception {
    ConfigurationSource source = mock(ConfigurationSource.class);
    when(source.load()).thenThrow(new SourceException("a.yaml:3", "bad indentation"));

    assertThatThrownBy(pipeline(source)::translateOnce).hasMessage("a.yaml:3: bad indentation");
    verify(proxy, never()).publish(any());
  }

  @Test
  void brokenEdit_keepsLastGoodConfiguration_andMarksItStale_untilFixed() {
    ScriptedSource source = new ScriptedSource(gateway("gw"));
    ConfigurationPipeline pipeline = pipeline(source);
    pipeline.start();
    verify(proxy, times(1)).publish(any());

    source.change(new SourceException("routes.yaml:7", "mapping values are not allowed here"));

    await().untilAsserted(() -> assertThat(pipeline.state().stale()).isTrue());
    verify(proxy, times(1)).publish(any());
    assertThat(pipeline.state().hasConfiguration()).isTrue();
    assertThat(pipeline.state().lastError()).contains("routes.yaml:7");
    assertThat(logged).extracting(SourceException::location).containsExactly("routes.yaml:7");

    source.change(gateway("gw2"));

    await().untilAsserted(() -> assertThat(pipeline.state().stale()).isFalse());
    verify(proxy, times(2)).publish(any());
    assertThat(pipeline.state().translations()).isEqualTo(2);
  }

  @Test
  void goodLoadAfterFailedOnes_isReportedAsARecovery_once() {
    List<String> recoveries = new CopyOnWriteArrayList<>();
    ScriptedSource source = new ScriptedSource(gateway("gw"));
    ConfigurationPipeline pipeline =
        new ConfigurationPipeline(
            source,
            translator,
            proxy,
            status,
            debounce,
            new ConfigurationPipeline.ReloadEvents() {
              @Override
              public void failed(SourceException error) {
                logged.add(error);
              }

              @Override
              public void recovered(int failures, Duration staleFor, String lastError) {
                recoveries.add(failures + " " + lastError + " " + !staleFor.isNegative());
              }
            });
    pipeline.start();
    assertThat(recoveries).isEmpty();

    source.change(new SourceException("routes.yaml:7", "first"));
    await().until(() -> logged.size() == 1);
    source.change(new SourceException("routes.yaml:8", "second"));
    await().until(() -> logged.size() == 2);
    assertThat(recoveries).isEmpty();

    source.change(gateway("gw2"));
    await().until(() -> recoveries.size() == 1);
    assertThat(recoveries).containsExactly("2 routes.yaml:8: second true");

    source.change(gateway("gw3"));
    await().untilAsserted(() -> verify(proxy, times(3)).publish(any()));
    assertThat(recoveries).hasSize(1);
  }

  @Test
  void burstOfSignals_isOneReload() {
    ScriptedSource source = new ScriptedSource(gateway("gw"));
    // a debounce far longer than the burst takes, even on a busy machine: the rule under test is
    // that signals closer together than the debounce make one reload
    Duration debounce = Duration.ofMillis(500);
    ConfigurationPipeline pipeline =
        new ConfigurationPipeline(source, translator, proxy, status, debounce, logged::add);
    pipeline.start();
    int before = source.loads.get();

    for (int i = 0; i < 20; i++) {
      source.change(gateway("gw-" + (i % 2)));
    }

    await().untilAsserted(() -> verify(proxy, times(2)).publish(any()));
    await()
        .during(debounce.multipliedBy(3))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(source.loads.get() - before).isEqualTo(1));
  }

  @Test
  void everySignalAndReload_isReported_withWhatItsStepsTook() {
    List<String> events = new CopyOnWriteArrayList<>();
    ScriptedSource source = new ScriptedSource(gateway("gw"));
    ConfigurationPipeline pipeline =
        new ConfigurationPipeline(
            source,
            translator,
            proxy,
            status,
            debounce,
            new ConfigurationPipeline.ReloadEvents() {
              @Override
              public void failed(SourceException error) {
                events.add("failed");
              }

              @Override
              public void signalled() {
                events.add("signalled");
              }

              @Override
              public void reloaded(Duration load, Duration translate, Duration publish) {
                events.add(
                    "reloaded"
                        + (translate.isZero() ? " unchanged" : "")
                        + (load.isNegative() || translate.isNegative() || publish.isNegative()
                            ? " negative"
                            : ""));
              }
            });
    pipeline.start();
    assertThat(events).containsExactly("reloaded");

    source.change(gateway("gw2"));
    await().until(() -> events.size() == 3);
    source.signalOnly();
    await().until(() -> events.size() == 5);

    assertThat(events)
        .containsExactly("reloaded", "signalled", "reloaded", "signalled", "reloaded unchanged");
  }

  @Test
  void unchangedState_isNotTranslatedAgain() {
    ScriptedSource source = new ScriptedSource(gateway("gw"));
    ConfigurationPipeline pipeline = pipeline(source);
    pipeline.start();

    source.signalOnly();

    await().untilAsserted(() -> assertThat(source.loads.get()).isEqualTo(2));
    verify(proxy, times(1)).publish(any());
    assertThat(pipeline.state().translations()).isEqualTo(1);
  }

  @Test
  void brokenStart_hasNoConfiguration_untilTheFirstGoodState() {
    ScriptedSource source = new ScriptedSource(new SourceException("a.yaml:1", "not YAML"));
    ConfigurationPipeline pipeline = pipeline(source);
    List<Object> states = new ArrayList<>();

    pipeline.start();
    states.add(pipeline.state());
    source.change(gateway("gw"));

    await().untilAsserted(() -> assertThat(pipeline.state().hasConfiguration()).isTrue());
    assertThat(states)
        .containsExactly(
            new io.gatewire.application.port.in.SyncConfigurationUseCase.SyncState(
                false, true, "a.yaml:1: not YAML", 0, 1));
  }
}
