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
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.KubernetesObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A change of EndpointSlices only re-runs the endpoints step: statuses, listeners, routes and the
 * other clusters are the previous instances, and the result equals a fresh translation.
 */
class EndpointOnlyChangeTest {
  private static GatewayResources resources(KubernetesObject... slices) {
    List<KubernetesObject> all =
        new ArrayList<>(
            List.of(
                gatewayClass("gatewire"),
                gateway("apps", "eg", allowAll(http("web", 80))),
                service("apps", "a", "10.96.0.1", 80),
                service("apps", "b", "10.96.0.2", 80),
                httpRoute("apps", "to-a")
                    .parent("eg")
                    .hostnames("a.example.com")
                    .rule(List.of(prefix("/")), backendIn("apps", "a", 80, 1))
                    .build(),
                httpRoute("apps", "to-b")
                    .parent("eg")
                    .hostnames("b.example.com")
                    .rule(List.of(prefix("/")), backendIn("apps", "b", 80, 1))
                    .build()));
    all.addAll(List.of(slices));
    return GatewayResources.builder().addAll(all).build();
  }

  private final Translator translator = new Translator(TranslatorOptions.DEFAULTS);
  private final Memos memos = new Memos();

  private TranslationResult translate(GatewayResources resources) {
    TranslationResult result = translator.translate(resources, memos);
    memos.endGeneration();
    return result;
  }

  @Test
  void movedEndpoint_changesOnlyItsCluster_andEqualsAFreshTranslation() {
    TranslationResult first =
        translate(
            resources(
                slice("apps", "a", "a-1", 80, 8080, "10.0.0.1"),
                slice("apps", "b", "b-1", 80, 8080, "10.0.1.1")));
    GatewayResources moved =
        resources(
            slice("apps", "a", "a-1", 80, 8080, "10.0.0.2"),
            slice("apps", "b", "b-1", 80, 8080, "10.0.1.1"));

    TranslationResult patched = translate(moved);

    TranslationResult fresh = new Translator(TranslatorOptions.DEFAULTS).translate(moved);
    assertThat(patched).isEqualTo(fresh);
    assertThat(patched.ir()).isNotEqualTo(first.ir());
    assertThat(patched.statuses()).as("status reused, not recomputed").isSameAs(first.statuses());
    IrGateway before = first.ir().gateways().get(0);
    IrGateway after = patched.ir().gateways().get(0);
    assertThat(after.routeConfigs().get(0)).isSameAs(before.routeConfigs().get(0));
    assertThat(after.clusters().get(1))
        .as("cluster of route to-b")
        .isSameAs(before.clusters().get(1));
    assertThat(after.clusters().get(0)).isNotEqualTo(before.clusters().get(0));
  }

  @Test
  void sliceRemoved_thenOtherChange_staysEqualToFreshTranslations() {
    translate(resources(slice("apps", "a", "a-1", 80, 8080, "10.0.0.1")));
    GatewayResources noSlices = resources();
    assertThat(translate(noSlices))
        .isEqualTo(new Translator(TranslatorOptions.DEFAULTS).translate(noSlices));
    GatewayResources again = resources(slice("apps", "b", "b-1", 80, 8080, "10.0.1.9"));
    assertThat(translate(again))
        .isEqualTo(new Translator(TranslatorOptions.DEFAULTS).translate(again));
  }

  @Test
  void slicesAddedMovedAndRemoved_keepTheSliceIndexEqualToAFreshOne() {
    List<GatewayResources> steps =
        List.of(
            resources(slice("apps", "a", "a-1", 80, 8080, "10.0.0.1")),
            resources(
                slice("apps", "a", "a-1", 80, 8080, "10.0.0.1"),
                slice("apps", "a", "a-2", 80, 8080, "10.0.0.2")),
            // a-1 now labelled for Service b: both backends change
            resources(
                slice("apps", "b", "a-1", 80, 8080, "10.0.0.1"),
                slice("apps", "a", "a-2", 80, 8080, "10.0.0.2")),
            resources(slice("apps", "a", "a-2", 80, 8080, "10.0.0.3")),
            resources());
    for (GatewayResources step : steps) {
      assertThat(translate(step))
          .isEqualTo(new Translator(TranslatorOptions.DEFAULTS).translate(step));
    }
  }

  @Test
  void aRouteEdit_withTheSameSlices_buildsItsNewClusterFromThemAll() {
    EndpointSlice a = slice("apps", "a", "a-1", 80, 8080, "10.0.0.1");
    EndpointSlice b = slice("apps", "b", "b-1", 80, 8080, "10.0.1.1");
    GatewayResources first = resources(a, b);
    translate(first);
    GatewayResources edited =
        GatewayResources.builder()
            .addAll(first.all().stream().filter(o -> !o.meta().name().equals("to-a")).toList())
            .add(
                httpRoute("apps", "to-a")
                    .parent("eg")
                    .hostnames("a.example.com")
                    .rule(List.of(prefix("/")), backendIn("apps", "b", 80, 1))
                    .build())
            .build();

    TranslationResult result = translate(edited);

    assertThat(result).isEqualTo(new Translator(TranslatorOptions.DEFAULTS).translate(edited));
    assertThat(result.ir().gateways().get(0).clusters())
        .allSatisfy(
            c ->
                assertThat(c.localities().get(0).endpoints())
                    .extracting(e -> e.address())
                    .containsExactly("10.0.1.1"));
  }

  @Test
  void anEndpointChange_rebuildsEveryClusterReadingTheBackend_andNoOther_afterARouteEditToo() {
    EndpointSlice b = slice("apps", "b", "b-1", 80, 8080, "10.0.1.1");
    GatewayResources first =
        withSecondRouteToA(resources(slice("apps", "a", "a-1", 80, 8080, "10.0.0.1"), b), "/");
    IrGateway before = translate(first).ir().gateways().get(0);
    // the route edit plans a new cluster list; the next endpoint change indexes it anew
    List<GatewayResources> steps =
        List.of(
            withSecondRouteToA(resources(slice("apps", "a", "a-1", 80, 8080, "10.0.0.2"), b), "/"),
            withSecondRouteToA(
                resources(slice("apps", "a", "a-1", 80, 8080, "10.0.0.2"), b), "/v2"),
            withSecondRouteToA(
                resources(slice("apps", "a", "a-1", 80, 8080, "10.0.0.3"), b), "/v2"));
    for (GatewayResources step : steps) {
      TranslationResult result = translate(step);
      assertThat(result).isEqualTo(new Translator(TranslatorOptions.DEFAULTS).translate(step));
      IrGateway after = result.ir().gateways().get(0);
      for (int i = 0; i < after.clusters().size(); i++) {
        boolean readsA =
            after
                .clusters()
                .get(i)
                .localities()
                .get(0)
                .endpoints()
                .get(0)
                .address()
                .startsWith("10.0.0.");
        if (!readsA) {
          assertThat(after.clusters().get(i)).as("cluster of b").isSameAs(before.clusters().get(i));
        }
      }
      before = after;
    }
  }

  /**
   * {@code resources} with a route {@code also-a} on host a2.example.com to Service a at {@code
   * path}.
   */
  private static GatewayResources withSecondRouteToA(GatewayResources resources, String path) {
    return GatewayResources.builder()
        .addAll(resources.all())
        .add(
            httpRoute("apps", "also-a")
                .parent("eg")
                .hostnames("a2.example.com")
                .rule(List.of(prefix(path)), backendIn("apps", "a", 80, 1))
                .build())
        .build();
  }
}
