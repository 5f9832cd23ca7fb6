package io.gatewire.bootstrap.embed;

import static io.gatewire.domain.fixtures.Fixtures.gateway;
import static io.gatewire.domain.fixtures.Fixtures.gatewayClass;
import static io.gatewire.domain.fixtures.Fixtures.http;
import static io.gatewire.domain.fixtures.Fixtures.httpRoute;
import static io.gatewire.domain.fixtures.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.AbstractModule;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.port.ConfigurationSource;
import io.gatewire.domain.port.ProxyConfigSink;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.translate.TranslatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Wires an in-memory source and recording sinks through the public entry point, as
 * docs/embedding.md shows.
 */
class GatewireEmbeddingTest {

  /** A source that holds its state in memory and signals every change. */
  static final class InMemorySource implements ConfigurationSource {
    private final AtomicReference<GatewayResources> current =
        new AtomicReference<>(GatewayResources.EMPTY);
    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();

    void set(GatewayResources resources) {
      current.set(resources);
      watchers.forEach(Runnable::run);
    }

    @Override
    public GatewayResources load() {
      return current.get();
    }

    @Override
    public Watch watch(Runnable changed) {
      watchers.add(changed);
      return () -> watchers.remove(changed);
    }
  }

  /** Records every IR published. */
  static final class RecordingSink implements ProxyConfigSink {
    final List<Ir> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Ir ir) {
      published.add(ir);
    }
  }

  private static GatewayResources withRoute(String routeName) {
    return GatewayResources.builder()
        .add(gatewayClass("gatewire"))
        .add(gateway("team", "edge", http("web", 80)))
        .add(service("team", "api", "10.0.0.1", 8080))
        .add(
            httpRoute("team", routeName)
                .parent("edge")
                .rule(List.of(), BackendRef.service("api", 8080, 1))
                .build())
        .build();
  }

  @Test
  void inMemorySourceAndRecordingSink_translateOnce() throws Exception {
    InMemorySource source = new InMemorySource();
    source.set(withRoute("orders"));
    RecordingSink sink = new RecordingSink();
    List<ObjectStatus> statuses = new ArrayList<>();

    Gatewire.builder()
        .source(source)
        .proxySink(sink)
        .statusSink((s, w) -> statuses.addAll(s))
        .build()
        .translateOnce();

    assertThat(sink.published)
        .singleElement()
        .satisfies(
            ir ->
                assertThat(ir.gateways().get(0).clusters())
                    .extracting(c -> c.name())
                    .containsExactly("httproute/team/orders/rule/0"));
    assertThat(statuses)
        .extracting(ObjectStatus::kind)
        .contains("GatewayClass", "Gateway", "HTTPRoute");
  }

  @Test
  void watching_republishesWhenTheSourceChanges_untilClosed() {
    InMemorySource source = new InMemorySource();
    source.set(withRoute("orders"));
    RecordingSink sink = new RecordingSink();
    Gatewire gatewire =
        Gatewire.builder().source(source).proxySink(sink).debounce(Duration.ofMillis(10)).build();

    ConfigurationSource.Watch watch = gatewire.start();
    source.set(withRoute("payments"));
    await().untilAsserted(() -> assertThat(sink.published).hasSize(2));
    watch.close();
    source.set(withRoute("ignored"));

    assertThat(sink.published.get(1).gateways().get(0).clusters())
        .extracting(c -> c.name())
        .containsExactly("httproute/team/payments/rule/0");
    assertThat(gatewire.state().translations()).isEqualTo(2);
  }

  @Test
  void override_replacesABinding() throws Exception {
    InMemorySource source = new InMemorySource();
    source.set(
        GatewayResources.builder()
            .add(
                new io.gatewire.domain.model.GatewayClass(
                    gatewayClass("custom").meta(), "example.com/custom"))
            .add(
                new io.gatewire.domain.model.Gateway(
                    gateway("team", "edge").meta(), "custom", List.of(http("web", 80))))
            .build());
    RecordingSink sink = new RecordingSink();

    Gatewire.builder()
        .source(source)
        .proxySink(sink)
        .override(
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(TranslatorOptions.class)
                    .toInstance(
                        new TranslatorOptions(
                            "example.com/custom",
                            io.gatewire.domain.metadata.MetadataOptions.DEFAULTS));
              }
            })
        .build()
        .translateOnce();

    assertThat(sink.published.get(0).gateways())
        .extracting(g -> g.key())
        .containsExactly("team/edge");
  }
}
