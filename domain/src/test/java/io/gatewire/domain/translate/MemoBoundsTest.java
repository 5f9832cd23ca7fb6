package io.gatewire.domain.translate;

import static io.gatewire.domain.fixtures.Fixtures.allowAll;
import static io.gatewire.domain.fixtures.Fixtures.backendIn;
import static io.gatewire.domain.fixtures.Fixtures.gateway;
import static io.gatewire.domain.fixtures.Fixtures.gatewayClass;
import static io.gatewire.domain.fixtures.Fixtures.http;
import static io.gatewire.domain.fixtures.Fixtures.httpRoute;
import static io.gatewire.domain.fixtures.Fixtures.prefix;
import static io.gatewire.domain.fixtures.Fixtures.service;
import static io.gatewire.domain.fixtures.Fixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.KubernetesObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The translator's memos hold the latest translation's objects only: deleted routes and Services
 * drop out.
 */
class MemoBoundsTest {
  /** A Gateway, and {@code routes} routes named {@code prefix-i}, each to a Service of its own. */
  private static GatewayResources resources(String prefix, int routes) {
    List<KubernetesObject> all =
        new ArrayList<>(
            List.of(gatewayClass("gatewire"), gateway("apps", "eg", allowAll(http("web", 80)))));
    for (int i = 0; i < routes; i++) {
      String name = prefix + "-" + i;
      all.add(service("apps", name, "10.96.0." + (i + 1), 80));
      all.add(slice("apps", name, name + "-1", 80, 8080, "10.0.0." + (i + 1)));
      all.add(
          httpRoute("apps", name)
              .parent("eg")
              .hostnames(name + ".example.com")
              .rule(List.of(prefix("/")), backendIn("apps", name, 80, 1))
              .build());
    }
    return GatewayResources.builder().addAll(all).build();
  }

  private final Translator translator = new Translator(TranslatorOptions.DEFAULTS);
  private final Memos memos = new Memos();

  private void translate(GatewayResources resources) {
    translator.translate(resources, memos);
    memos.endGeneration();
  }

  @Test
  void routesCreatedThenDeleted_leaveTheMemosAsBeforeThem() {
    translate(resources("base", 1));
    Map<String, Integer> baseline = memos.sizes();

    for (int cycle = 0; cycle < 3; cycle++) {
      translate(resources("cycle" + cycle, 20));
      assertThat(memos.sizes())
          .as("20 routes planned, each to a Service of its own")
          .containsEntry(RoutingTranslator.PLANS, 20)
          .containsEntry(GatewayAssembler.VIRTUAL_HOSTS, 20);
      translate(resources("base", 1));
    }

    assertThat(memos.sizes()).isEqualTo(baseline);
    assertThat(baseline)
        .containsEntry(Translator.ROUTING, 1)
        .containsEntry(RoutingTranslator.PLANS, 1)
        .containsEntry(GatewayAssembler.VIRTUAL_HOSTS, 1)
        .containsEntry(EndpointsTranslator.ENDPOINTS, 1);
  }

  /**
   * A change of EndpointSlices alone reuses the routing step whole: its route plans and virtual
   * hosts are kept, not forgotten because nothing looked them up.
   */
  @Test
  void endpointOnlyChanges_keepTheRoutingStepsEntries() {
    translate(resources("base", 5));
    Map<String, Integer> before = memos.sizes();

    for (int i = 0; i < 3; i++) {
      GatewayResources moved = resources("base", 5);
      List<KubernetesObject> all = new ArrayList<>(moved.all());
      all.add(slice("apps", "base-0", "base-0-1", 80, 8080, "10.1.0." + (i + 1)));
      translate(GatewayResources.builder().addAll(all).build());
    }

    Map<String, Integer> expected = new java.util.TreeMap<>(before);
    // the first endpoint change indexes the clusters by backend, once for the one Gateway
    expected.put(BackendClusters.MEMO, 1);
    assertThat(memos.sizes()).isEqualTo(expected).containsEntry(RoutingTranslator.PLANS, 5);
  }
}
