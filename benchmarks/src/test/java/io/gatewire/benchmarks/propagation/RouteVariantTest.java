package io.gatewire.benchmarks.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each variant takes out exactly its part of the RouteConfiguration Gatewire serves, and nothing
 * else: compared with the served one with the same part cleared by hand.
 */
class RouteVariantTest {
  private static RouteConfiguration served;
  private static RouteConfiguration tracedServed;

  @BeforeAll
  static void translate() {
    served = RdsApply.served(12, false).routes().get(0);
    tracedServed = RdsApply.served(12, true).routes().get(0);
  }

  @Test
  void theServedConfigurationHasEveryPartAVariantTakesOut() {
    assertThat(routes(served)).allMatch(r -> !r.getStatPrefix().isEmpty() && r.hasMetadata());
    assertThat(served.getVirtualHostsList()).allMatch(VirtualHost::hasMetadata);
    assertThat(routes(tracedServed)).allMatch(Route::hasTracing);
    assertThat(RouteVariant.EMITTED.apply(served)).isEqualTo(served);
    assertThat(RouteVariant.TRACING.apply(tracedServed)).isEqualTo(tracedServed);
  }

  @Test
  void noStatPrefix_clearsTheRoutesStatPrefixOnly() {
    RouteConfiguration variant = RouteVariant.NO_STAT_PREFIX.apply(served);
    assertThat(routes(variant)).allMatch(r -> r.getStatPrefix().isEmpty());
    assertThat(variant).isEqualTo(clearRoutes(served, Route.Builder::clearStatPrefix));
  }

  @Test
  void noMetadata_clearsRouteAndVirtualHostMetadataOnly() {
    RouteConfiguration variant = RouteVariant.NO_METADATA.apply(served);
    RouteConfiguration.Builder expected =
        clearRoutes(served, Route.Builder::clearMetadata).toBuilder();
    expected.getVirtualHostsBuilderList().forEach(VirtualHost.Builder::clearMetadata);
    assertThat(variant).isEqualTo(expected.build());
    assertThat(variant.getVirtualHostsList()).noneMatch(VirtualHost::hasMetadata);
  }

  @Test
  void noRouteTracing_clearsTheRoutesTracingOnly() {
    RouteConfiguration variant = RouteVariant.TRACING_NO_ROUTE_TRACING.apply(tracedServed);
    assertThat(routes(variant)).noneMatch(Route::hasTracing);
    assertThat(variant).isEqualTo(clearRoutes(tracedServed, Route.Builder::clearTracing));
  }

  @Test
  void bare_keepsMatchesActionsAndNames() {
    RouteConfiguration variant = RouteVariant.BARE.apply(served);
    assertThat(variant.getVirtualHostsCount()).isEqualTo(served.getVirtualHostsCount());
    for (int i = 0; i < variant.getVirtualHostsCount(); i++) {
      VirtualHost host = variant.getVirtualHosts(i);
      VirtualHost original = served.getVirtualHosts(i);
      assertThat(host.hasMetadata()).isFalse();
      assertThat(host.getName()).isEqualTo(original.getName());
      assertThat(host.getDomainsList()).isEqualTo(original.getDomainsList());
      for (int j = 0; j < host.getRoutesCount(); j++) {
        Route route = host.getRoutes(j);
        Route before = original.getRoutes(j);
        assertThat(route.getName()).isEqualTo(before.getName());
        assertThat(route.getMatch()).isEqualTo(before.getMatch());
        assertThat(route.getRoute()).isEqualTo(before.getRoute());
        assertThat(route.getStatPrefix()).isEmpty();
        assertThat(route.hasMetadata()).isFalse();
      }
    }
    assertThat(variant.getSerializedSize()).isLessThan(served.getSerializedSize());
  }

  private static List<Route> routes(RouteConfiguration config) {
    return config.getVirtualHostsList().stream()
        .flatMap(host -> host.getRoutesList().stream())
        .toList();
  }

  private static RouteConfiguration clearRoutes(
      RouteConfiguration config, java.util.function.UnaryOperator<Route.Builder> clear) {
    RouteConfiguration.Builder builder = config.toBuilder();
    for (VirtualHost.Builder host : builder.getVirtualHostsBuilderList()) {
      host.getRoutesBuilderList().forEach(clear::apply);
    }
    return builder.build();
  }
}
