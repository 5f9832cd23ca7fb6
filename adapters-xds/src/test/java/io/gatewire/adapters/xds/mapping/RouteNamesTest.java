package io.gatewire.adapters.xds.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteNamesTest {
  @Test
  void aRouteOfARule_namesTheRule_itsIndex_andItsStatPrefix() {
    String name = "grpcroute/ns/api.v1/rule/12/match/-1/api_example_com";
    assertThat(RouteNames.rule(name)).contains("grpcroute/ns/api.v1/rule/12");
    assertThat(RouteNames.ruleIndex(name)).contains("12");
    assertThat(RouteNames.statPrefix(name)).contains("grpcroute/ns/api_v1/rule/12");
  }

  @Test
  void a421Route_hasNoRule() {
    String name = "infra/gw/443/https/other_example_com/misdirected";
    assertThat(RouteNames.rule(name)).isEmpty();
    assertThat(RouteNames.ruleIndex(name)).isEmpty();
    assertThat(RouteNames.statPrefix(name)).isEmpty();
  }
}
