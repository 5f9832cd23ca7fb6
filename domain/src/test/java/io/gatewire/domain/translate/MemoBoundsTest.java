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

  @Test
  void routesCreatedThenDeleted_leaveTheMemosAsBeforeThem() {
    Translator translator = new Translator(TranslatorOptions.DEFAULTS);
    translator.translate(resources("base", 1));
    Map<String, Integer> baseline = translator.memoSizes();

    for (int cycle = 0; cycle < 3; cycle++) {
      translator.translate(resources("cycle" + cycle, 20));
      assertThat(translator.memoSizes().get("plans")).as("20 routes planned").isEqualTo(20);
      translator.translate(resources("base", 1));
    }

    assertThat(translator.memoSizes()).isEqualTo(baseline);
    assertThat(baseline.get("plans")).isEqualTo(1);
    assertThat(baseline.get("serviceResolutions")).isEqualTo(1);
  }
}
