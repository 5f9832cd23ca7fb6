package io.gatewire.bootstrap.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.model.HttpRouteRule;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.Reasons;
import io.gatewire.domain.status.StatusBody;
import io.gatewire.domain.translate.TranslationResult;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WorkloadGeneratorTest {

  static List<WorkloadSpec> shapes() {
    WorkloadSpec small = WorkloadSpec.of(40);
    return List.of(
        small,
        small.withRules(3, 2).withBackends(2),
        small.withEndpointsPerService(10).withHostnames(WorkloadSpec.Hostnames.SHARED),
        small.withNamespaces(7).withMetadata(WorkloadSpec.Metadata.ANNOTATIONS).withRules(3, 2),
        WorkloadSpec.of(1));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void generatedWorkload_translatesWithoutWarnings_andEveryRouteIsAcceptedWithResolvedRefs(
      WorkloadSpec spec) {
    GatewayResources resources = WorkloadGenerator.resources(spec);
    TranslationResult result = new Translator(TranslatorOptions.DEFAULTS).translate(resources);

    assertThat(result.warnings()).isEmpty();
    List<ObjectStatus> routes =
        result.statuses().stream().filter(s -> s.kind().equals("HTTPRoute")).toList();
    assertThat(routes).hasSize(spec.routes());
    for (ObjectStatus route : routes) {
      List<StatusBody.RouteParentStatus> parents =
          ((StatusBody.RouteStatus) route.status()).parents();
      assertThat(parents).as(route.name()).hasSize(1);
      Set<String> holding =
          parents.get(0).conditions().stream()
              .filter(Condition::holds)
              .map(Condition::type)
              .collect(Collectors.toSet());
      assertThat(holding).as(route.name()).contains(Reasons.ACCEPTED, Reasons.RESOLVED_REFS);
    }
    assertThat(result.ir().gateways()).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void objectCounts_matchTheSpec(WorkloadSpec spec) {
    GatewayResources resources = WorkloadGenerator.resources(spec);

    assertThat(resources.gatewayClasses()).hasSize(1);
    assertThat(resources.gateways()).hasSize(1);
    assertThat(resources.namespaces()).hasSize(spec.namespaces());
    assertThat(resources.services()).hasSize(spec.routes() < 2 ? 1 : spec.routes() / 2);
    assertThat(resources.endpointSlices()).hasSize(spec.services());
    assertThat(resources.httpRoutes()).hasSize(spec.routes());
    for (HttpRoute route : resources.httpRoutes()) {
      assertThat(route.rules()).hasSize(spec.rulesPerRoute());
      for (HttpRouteRule rule : route.rules()) {
        assertThat(rule.matches()).hasSize(spec.matchesPerRule());
        assertThat(rule.backendRefs()).hasSize(spec.backendsPerRule());
      }
      boolean annotated =
          route.meta().annotations().keySet().stream()
                  .filter(k -> k.startsWith("gateway.envoyproxy.io/"))
                  .count()
              == 2;
      assertThat(annotated).isEqualTo(spec.metadata() == WorkloadSpec.Metadata.ANNOTATIONS);
    }
    Set<String> addresses = new HashSet<>();
    int endpoints = 0;
    for (EndpointSlice slice : resources.endpointSlices()) {
      for (EndpointSlice.Endpoint endpoint : slice.endpoints()) {
        endpoints++;
        addresses.addAll(endpoint.addresses());
      }
    }
    assertThat(endpoints).isEqualTo(spec.endpoints());
    assertThat(addresses).as("every endpoint has its own address").hasSize(spec.endpoints());
  }

  @Test
  void sharedHostnames_giveOneHostnameForAllRoutes_perRouteGivesOneEach() {
    Set<String> shared =
        WorkloadGenerator.resources(
                WorkloadSpec.of(20).withHostnames(WorkloadSpec.Hostnames.SHARED))
            .httpRoutes()
            .stream()
            .flatMap(r -> r.hostnames().stream())
            .collect(Collectors.toSet());
    Set<String> perRoute =
        WorkloadGenerator.resources(WorkloadSpec.of(20)).httpRoutes().stream()
            .flatMap(r -> r.hostnames().stream())
            .collect(Collectors.toSet());

    assertThat(shared).containsExactly(WorkloadGenerator.SHARED_HOSTNAME);
    assertThat(perRoute).hasSize(20);
  }

  @Test
  void sameSeed_sameBytes_differentSeed_differentDocuments() {
    WorkloadSpec spec = WorkloadSpec.of(50).withRules(3, 2).withBackends(2).withNamespaces(5);

    assertThat(WorkloadGenerator.yaml(spec)).isEqualTo(WorkloadGenerator.yaml(spec));
    assertThat(withoutComments(WorkloadGenerator.yaml(spec.withSeed(2))))
        .isNotEqualTo(withoutComments(WorkloadGenerator.yaml(spec)));
  }

  @Test
  void editHandles_nameTextThatOccursOnceInTheYaml() {
    WorkloadSpec spec = WorkloadSpec.of(100).withEndpointsPerService(10);
    String yaml = WorkloadGenerator.yaml(spec);

    assertThat(occurrences(yaml, "\"" + WorkloadGenerator.firstPath(42) + "\"")).isEqualTo(1);
    assertThat(occurrences(yaml, "\"" + WorkloadGenerator.endpointAddress(123) + "\""))
        .isEqualTo(1);
  }

  @Test
  void moreNamespacesThanServices_isRejected() {
    assertThatThrownBy(() -> WorkloadSpec.of(10).withNamespaces(6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("may not exceed the Services");
  }

  private static String withoutComments(String yaml) {
    return yaml.lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
