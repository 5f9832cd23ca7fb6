package io.gatewire.domain.metadata;

import static io.gatewire.domain.fixtures.Fixtures.backend;
import static io.gatewire.domain.fixtures.Fixtures.gateway;
import static io.gatewire.domain.fixtures.Fixtures.gatewayClass;
import static io.gatewire.domain.fixtures.Fixtures.http;
import static io.gatewire.domain.fixtures.Fixtures.httpRoute;
import static io.gatewire.domain.fixtures.Fixtures.l4Route;
import static io.gatewire.domain.fixtures.Fixtures.prefix;
import static io.gatewire.domain.fixtures.Fixtures.service;
import static io.gatewire.domain.fixtures.Fixtures.serviceImport;
import static io.gatewire.domain.fixtures.Fixtures.tcp;
import static io.gatewire.domain.fixtures.Fixtures.tls;
import static io.gatewire.domain.fixtures.Fixtures.udp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrLocality;
import io.gatewire.domain.ir.IrRoute;
import io.gatewire.domain.ir.IrRouteConfig;
import io.gatewire.domain.ir.IrVirtualHost;
import io.gatewire.domain.model.Backend;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.HttpBackendRef;
import io.gatewire.domain.model.HttpFilter;
import io.gatewire.domain.model.HttpRouteRule;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.L4Route;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.status.Warning;
import io.gatewire.domain.translate.TranslationResult;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test (at least) per row of the docs/metadata.md contract, each through the real translator.
 */
class MetadataContractTest {
  private static final Map<String, String> ANNOTATIONS =
      Map.of(
          "gateway.envoyproxy.io/foo",
          "bar",
          "team.example.com/owner",
          "payments",
          MetadataOptions.LAST_APPLIED,
          "{\"huge\":\"object\"}");

  private static TranslationResult translate(KubernetesObject... objects) {
    return translate(TranslatorOptions.DEFAULTS, objects);
  }

  private static TranslationResult translate(
      TranslatorOptions options, KubernetesObject... objects) {
    List<KubernetesObject> all = new ArrayList<>(List.of(gatewayClass("gatewire")));
    all.addAll(Arrays.asList(objects));
    return new Translator(options).translate(GatewayResources.builder().addAll(all).build());
  }

  private static IrGateway only(TranslationResult result) {
    assertThat(result.ir().gateways()).hasSize(1);
    return result.ir().gateways().get(0);
  }

  private static ResourceOrigin origin(
      String kind, String gv, String ns, String name, String section, Map<String, String> ann) {
    return new ResourceOrigin(kind, gv, ns, name, section, ann, Map.of());
  }

  @Nested
  class VirtualHostRow {
    @Test
    void virtualHost_namesTheGatewayListenerThatContributesIt() {
      IrGateway gw =
          only(
              translate(
                  gateway("myns", "gw", http("web", 80)),
                  service("myns", "svc-1", "10.0.0.1", 8080),
                  httpRoute("myns", "myroute")
                      .parent("gw")
                      .rule(List.of(prefix("/")), BackendRef.service("svc-1", 8080, 1))
                      .build()));

      IrVirtualHost host = gw.routeConfigs().get(0).virtualHosts().get(0);

      assertThat(host.metadata().resources())
          .containsExactly(origin("Gateway", GatewayApi.V1, "myns", "gw", "web", Map.of()));
    }

    @Test
    void virtualHost_carriesTheGatewaysFilteredAnnotations() {
      var annotated =
          new io.gatewire.domain.model.Gateway(
              gateway("myns", "gw", http("web", 80)).meta().withAnnotations(ANNOTATIONS),
              "gatewire",
              List.of(http("web", 80)));
      IrGateway gw =
          only(
              translate(
                  annotated,
                  service("myns", "svc-1", "10.0.0.1", 8080),
                  httpRoute("myns", "r")
                      .parent("gw")
                      .rule(List.of(prefix("/")), BackendRef.service("svc-1", 8080, 1))
                      .build()));

      assertThat(gw.routeConfigs().get(0).virtualHosts().get(0).metadata().resources())
          .containsExactly(
              origin("Gateway", GatewayApi.V1, "myns", "gw", "web", Map.of("foo", "bar")));
    }

    @Test
    void virtualHost_withSeveralListeners_listsEachOnceSorted() {
      ProvenanceRules rules = new ProvenanceRules(MetadataOptions.DEFAULTS, w -> {});
      ObjectMeta b = ObjectMeta.of("Gateway", GatewayApi.V1, "ns", "b");
      ObjectMeta a = ObjectMeta.of("Gateway", GatewayApi.V1, "ns", "a");

      ResourceMetadata metadata =
          rules.virtualHost(
              List.of(
                  new AbstractMap.SimpleEntry<>(b, "http"),
                  new AbstractMap.SimpleEntry<>(a, "web"),
                  new AbstractMap.SimpleEntry<>(a, "http")));

      assertThat(metadata.resources())
          .extracting(o -> o.name() + "/" + o.sectionName())
          .containsExactly("a/http", "a/web", "b/http");
    }
  }

  @Nested
  class RouteRow {
    @Test
    void route_withRuleName_hasRuleNameAsSectionName() {
      IrGateway gw =
          only(
              translate(
                  gateway("myns", "gw", http("web", 80)),
                  service("myns", "svc-1", "10.0.0.1", 8080),
                  httpRoute("myns", "myroute")
                      .parent("gw")
                      .annotations(ANNOTATIONS)
                      .rule(
                          "rule-a",
                          List.of(prefix("/a")),
                          List.of(),
                          BackendRef.service("svc-1", 8080, 1))
                      .build()));

      IrRoute route = gw.routeConfigs().get(0).virtualHosts().get(0).routes().get(0);

      assertThat(route.name()).isEqualTo("httproute/myns/myroute/rule/0/match/0/*");
      assertThat(route.metadata().resources())
          .containsExactly(
              origin(
                  "HTTPRoute", GatewayApi.V1, "myns", "myroute", "rule-a", Map.of("foo", "bar")));
    }

    @Test
    void route_withoutRuleNameOrAnnotations_hasNoSectionNameAndNoAnnotations() {
      IrGateway gw =
          only(
              translate(
                  gateway("myns", "gw", http("web", 80)),
                  service("myns", "svc-1", "10.0.0.1", 8080),
                  httpRoute("myns", "myroute")
                      .parent("gw")
                      .rule(List.of(prefix("/")), BackendRef.service("svc-1", 8080, 1))
                      .build()));

      ResourceOrigin origin =
          gw.routeConfigs()
              .get(0)
              .virtualHosts()
              .get(0)
              .routes()
              .get(0)
              .metadata()
              .resources()
              .get(0);

      assertThat(origin.sectionName()).isNull();
      assertThat(origin.annotations()).isEmpty();
    }
  }

  @Nested
  class RuleClusterRow {
    @Test
    void seedExample_clusterNamesRouteAndLocalitiesNameEachService() {
      IrGateway gw =
          only(
              translate(
                  gateway("myns", "gw", http("web", 80)),
                  service("myns", "svc-1", "10.0.0.1", 8080),
                  service("myns", "svc-2", "10.0.0.2", 8080),
                  httpRoute("myns", "myroute")
                      .parent("gw")
                      .annotations(Map.of("gateway.envoyproxy.io/foo", "bar"))
                      .rule(
                          List.of(prefix("/")),
                          BackendRef.service("svc-1", 8080, 1),
                          BackendRef.service("svc-2", 8080, 1))
                      .build()));

      IrCluster cluster = gw.clusters().get(0);

      assertThat(cluster.name()).isEqualTo("httproute/myns/myroute/rule/0");
      assertThat(cluster.metadata().resources())
          .containsExactly(
              origin("HTTPRoute", GatewayApi.V1, "myns", "myroute", null, Map.of("foo", "bar")));
      assertThat(cluster.localities())
          .extracting(IrLocality::region)
          .containsExactly(
              "httproute/myns/myroute/rule/0/backend/0", "httproute/myns/myroute/rule/0/backend/1");
      assertThat(cluster.localities().get(0).metadata().resources())
          .containsExactly(origin("Service", "v1", "myns", "svc-1", "8080", Map.of()));
      assertThat(cluster.localities().get(1).metadata().resources())
          .containsExactly(origin("Service", "v1", "myns", "svc-2", "8080", Map.of()));
    }

    @ParameterizedTest
    @CsvSource({"TLSRoute, tls, tlsroute", "TCPRoute, tcp, tcproute", "UDPRoute, udp, udproute"})
    void l4RouteCluster_namesTheRouteWithRuleName_andEachLocalityItsService(
        String kind, String protocol, String prefix) {
      Listener listener =
          switch (protocol) {
            case "tls" -> tls("l", 9000, null, null);
            case "tcp" -> tcp("l", 9000);
            default -> udp("l", 9000);
          };
      IrGateway gw =
          only(
              translate(
                  gateway("myns", "gw", listener),
                  service("myns", "svc-1", "10.0.0.1", 8080),
                  service("myns", "svc-2", "10.0.0.2", 8080),
                  l4Route(
                      kind,
                      "myns",
                      "myroute",
                      "gw",
                      0,
                      List.of(),
                      "rule-a",
                      BackendRef.service("svc-1", 8080, 3),
                      BackendRef.service("svc-2", 8080, 1))));

      IrCluster cluster = gw.clusters().get(0);

      String name = prefix + "/myns/myroute/rule/0";
      assertThat(cluster.name()).isEqualTo(name);
      assertThat(cluster.metadata().resources())
          .containsExactly(origin(kind, GatewayApi.V1, "myns", "myroute", "rule-a", Map.of()));
      assertThat(cluster.localities())
          .extracting(IrLocality::region, IrLocality::weight)
          .containsExactly(tuple(name + "/backend/0", 3), tuple(name + "/backend/1", 1));
      assertThat(cluster.localities().get(0).metadata().resources())
          .containsExactly(origin("Service", "v1", "myns", "svc-1", "8080", Map.of()));
      assertThat(cluster.localities().get(1).metadata().resources())
          .containsExactly(origin("Service", "v1", "myns", "svc-2", "8080", Map.of()));
    }

    @Test
    void l4RouteCluster_withoutRuleName_hasNoSectionName_andCarriesFilteredAnnotations() {
      L4Route route =
          l4Route(
              "TCPRoute",
              "myns",
              "myroute",
              "gw",
              0,
              List.of(),
              null,
              BackendRef.service("svc-1", 8080, 1));
      L4Route annotated =
          new L4Route(
              route.meta().withAnnotations(ANNOTATIONS),
              route.parentRefs(),
              route.hostnames(),
              route.rules());

      IrGateway gw =
          only(
              translate(
                  gateway("myns", "gw", tcp("l", 9000)),
                  service("myns", "svc-1", "10.0.0.1", 8080),
                  annotated));

      assertThat(gw.clusters().get(0).metadata().resources())
          .containsExactly(
              origin("TCPRoute", GatewayApi.V1, "myns", "myroute", null, Map.of("foo", "bar")));
    }

    @Test
    void ruleCluster_withRuleName_hasRuleNameAsSectionName() {
      IrGateway gw =
          only(
              translate(
                  gateway("myns", "gw", http("web", 80)),
                  service("myns", "svc-1", "10.0.0.1", 8080),
                  httpRoute("myns", "myroute")
                      .parent("gw")
                      .rule(
                          "rule-a",
                          List.of(prefix("/a")),
                          List.of(),
                          BackendRef.service("svc-1", 8080, 1))
                      .build()));

      assertThat(gw.clusters().get(0).metadata().resources())
          .extracting(ResourceOrigin::sectionName)
          .containsExactly("rule-a");
    }
  }

  @Nested
  class BackendLocalityRow {
    @Test
    void sameServiceTwice_getsTwoLocalitiesWithTwoRegions() {
      IrGateway gw =
          only(
              translate(
                  gateway("myns", "gw", http("web", 80)),
                  service("myns", "svc-1", "10.0.0.1", 8080),
                  httpRoute("myns", "r")
                      .parent("gw")
                      .rule(
                          List.of(prefix("/")),
                          BackendRef.service("svc-1", 8080, 3),
                          BackendRef.service("svc-1", 8080, 1))
                      .build()));

      List<IrLocality> localities = gw.clusters().get(0).localities();

      assertThat(localities)
          .extracting(IrLocality::region)
          .containsExactly(
              "httproute/myns/r/rule/0/backend/0", "httproute/myns/r/rule/0/backend/1");
      assertThat(localities).extracting(IrLocality::weight).containsExactly(3, 1);
      assertThat(localities.get(0).metadata()).isEqualTo(localities.get(1).metadata());
    }

    @Test
    void weightZero_getsNoLocalityButKeepsItsIndex() {
      IrGateway gw =
          only(
              translate(
                  gateway("myns", "gw", http("web", 80)),
                  service("myns", "a", "10.0.0.1", 8080),
                  service("myns", "b", "10.0.0.2", 8080),
                  service("myns", "c", "10.0.0.3", 8080),
                  httpRoute("myns", "r")
                      .parent("gw")
                      .rule(
                          List.of(prefix("/")),
                          BackendRef.service("a", 8080, 70),
                          BackendRef.service("b", 8080, 0),
                          BackendRef.service("c", 8080, 30))
                      .build()));

      assertThat(gw.clusters().get(0).localities())
          .extracting(IrLocality::region)
          .containsExactly(
              "httproute/myns/r/rule/0/backend/0", "httproute/myns/r/rule/0/backend/2");
    }

    @Test
    void serviceImport_namesPortAsSectionName() {
      BackendRef ref =
          new BackendRef(
              GatewayApi.MCS_GROUP,
              "ServiceImport",
              Optional.empty(),
              "imp",
              OptionalInt.of(9090),
              1);
      IrGateway gw =
          only(
              translate(
                  gateway("myns", "gw", http("web", 80)),
                  serviceImport("myns", "imp", List.of("10.1.0.1"), 9090),
                  httpRoute("myns", "r").parent("gw").rule(List.of(prefix("/")), ref).build()));

      assertThat(gw.clusters().get(0).localities().get(0).metadata().resources())
          .containsExactly(
              origin(
                  "ServiceImport",
                  "multicluster.x-k8s.io/v1alpha1",
                  "myns",
                  "imp",
                  "9090",
                  Map.of()));
    }

    @Test
    void envoyGatewayBackend_hasNoSectionName() {
      BackendRef ref =
          new BackendRef(
              GatewayApi.ENVOY_GATEWAY_GROUP,
              "Backend",
              Optional.empty(),
              "be",
              OptionalInt.of(443),
              1);
      IrGateway gw =
          only(
              translate(
                  gateway("myns", "gw", http("web", 80)),
                  backend("myns", "be", new Backend.Ip("10.2.0.1", 8443)),
                  httpRoute("myns", "r").parent("gw").rule(List.of(prefix("/")), ref).build()));

      assertThat(gw.clusters().get(0).localities().get(0).metadata().resources())
          .containsExactly(
              origin("Backend", "gateway.envoyproxy.io/v1alpha1", "myns", "be", null, Map.of()));
    }
  }

  @Nested
  class PerBackendClusterRow {
    @Test
    void backendRefFilters_giveEachRefAClusterWithTheRuleMetadata_andOneLocalityNamedLikeIt() {
      HttpFilter header =
          new HttpFilter.HeaderModifier(
              true, List.of(new HttpFilter.Header("backend", "v1")), List.of(), List.of());
      HttpRouteRule rule =
          new HttpRouteRule(
              Optional.of("split"),
              List.of(prefix("/")),
              List.of(),
              List.of(
                  new HttpBackendRef(BackendRef.service("svc-1", 8080, 3), List.of(header)),
                  new HttpBackendRef(BackendRef.service("svc-2", 8080, 1), List.of())),
              Optional.empty(),
              Optional.empty());
      IrGateway gw =
          only(
              translate(
                  gateway("myns", "gw", http("web", 80)),
                  service("myns", "svc-1", "10.0.0.1", 8080),
                  service("myns", "svc-2", "10.0.0.2", 8080),
                  httpRoute("myns", "r").parent("gw").rule(rule).build()));

      assertThat(gw.clusters())
          .extracting(IrCluster::name)
          .containsExactly(
              "httproute/myns/r/rule/0/backend/0", "httproute/myns/r/rule/0/backend/1");
      for (IrCluster cluster : gw.clusters()) {
        assertThat(cluster.metadata().resources())
            .containsExactly(origin("HTTPRoute", GatewayApi.V1, "myns", "r", "split", Map.of()));
        assertThat(cluster.localities())
            .singleElement()
            .extracting(IrLocality::region)
            .isEqualTo(cluster.name());
      }
      assertThat(gw.clusters().get(1).localities().get(0).metadata().resources())
          .containsExactly(origin("Service", "v1", "myns", "svc-2", "8080", Map.of()));
    }
  }

  @Nested
  class SharedClusterRow {
    @Test
    void routeAttachedToTwoGateways_mergedClusterNamesTheRouteOnce() {
      TranslationResult result =
          translate(
              gateway("myns", "gw-a", http("web", 80)),
              gateway("myns", "gw-b", http("web", 80)),
              service("myns", "svc-1", "10.0.0.1", 8080),
              httpRoute("myns", "r")
                  .parent("gw-a")
                  .parent("gw-b")
                  .rule(List.of(prefix("/")), BackendRef.service("svc-1", 8080, 1))
                  .build());

      List<IrCluster> clusters = result.ir().merged().clusters();

      assertThat(clusters).hasSize(1);
      assertThat(clusters.get(0).metadata().resources())
          .containsExactly(origin("HTTPRoute", GatewayApi.V1, "myns", "r", null, Map.of()));
    }

    @Test
    void sharedCluster_listsEveryOriginOnce() {
      ResourceMetadata a =
          ResourceMetadata.of(origin("HTTPRoute", GatewayApi.V1, "ns", "a", null, Map.of()));
      ResourceMetadata b =
          ResourceMetadata.of(origin("GRPCRoute", GatewayApi.V1, "ns", "b", "x", Map.of()));

      ResourceMetadata shared = ProvenanceRules.sharedCluster(List.of(a, b, a));

      assertThat(shared.resources()).extracting(ResourceOrigin::name).containsExactly("b", "a");
    }
  }

  @Nested
  class ListenerRow {
    @Test
    void listenersAndRouteConfigurations_carryNoMetadata() {
      assertThat(ProvenanceRules.listener().isEmpty()).isTrue();
      assertThat(Arrays.stream(IrListener.class.getRecordComponents()).map(c -> c.getType()))
          .doesNotContain((Class) ResourceMetadata.class);
      assertThat(Arrays.stream(IrRouteConfig.class.getRecordComponents()).map(c -> c.getType()))
          .doesNotContain((Class) ResourceMetadata.class);
      assertThat(
              Arrays.stream(IrListener.IrProxyChain.class.getRecordComponents())
                  .map(c -> c.getType()))
          .doesNotContain((Class) ResourceMetadata.class);
    }
  }

  @Nested
  class Annotations {
    @Test
    void allowedPrefixIsStripped_othersAndLastAppliedAreAbsent() {
      ProvenanceRules rules = new ProvenanceRules(MetadataOptions.DEFAULTS, w -> {});

      ResourceOrigin origin =
          rules.origin(
              ObjectMeta.of("HTTPRoute", GatewayApi.V1, "ns", "r").withAnnotations(ANNOTATIONS),
              null);

      assertThat(origin.annotations()).containsExactly(Map.entry("foo", "bar"));
    }

    @Test
    void extraPrefix_passesAndIsStripped_lastAppliedNeverPasses() {
      MetadataOptions options =
          MetadataOptions.DEFAULTS.withExtraPrefixes(
              List.of("team.example.com/", "kubectl.kubernetes.io/"));
      ProvenanceRules rules = new ProvenanceRules(options, w -> {});

      ResourceOrigin origin =
          rules.origin(
              ObjectMeta.of("HTTPRoute", GatewayApi.V1, "ns", "r").withAnnotations(ANNOTATIONS),
              null);

      assertThat(origin.annotations())
          .containsOnly(Map.entry("foo", "bar"), Map.entry("owner", "payments"));
    }

    @Test
    void oversizedValue_isDroppedWithAWarning() {
      List<Warning> warnings = new ArrayList<>();
      ProvenanceRules rules = new ProvenanceRules(MetadataOptions.DEFAULTS, warnings::add);
      ObjectMeta meta =
          ObjectMeta.of("HTTPRoute", GatewayApi.V1, "ns", "r")
              .withAnnotations(
                  Map.of(
                      "gateway.envoyproxy.io/big",
                      "x".repeat(1025),
                      "gateway.envoyproxy.io/small",
                      "y"));

      ResourceOrigin origin = rules.origin(meta, null);

      assertThat(origin.annotations()).containsOnlyKeys("small");
      assertThat(warnings)
          .singleElement()
          .satisfies(w -> assertThat(w.message()).contains("gateway.envoyproxy.io/big", "1024"));
    }

    @Test
    void entryCap_dropsWhatDoesNotFitWithAWarning() {
      List<Warning> warnings = new ArrayList<>();
      ProvenanceRules rules = new ProvenanceRules(MetadataOptions.DEFAULTS, warnings::add);
      Map<String, String> many = new java.util.TreeMap<>();
      for (int i = 0; i < 6; i++) {
        many.put("gateway.envoyproxy.io/k" + i, "v".repeat(1000));
      }

      ResourceOrigin origin =
          rules.origin(
              ObjectMeta.of("HTTPRoute", GatewayApi.V1, "ns", "r").withAnnotations(many), null);

      assertThat(origin.annotations()).containsOnlyKeys("k0", "k1", "k2", "k3");
      assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w.message()).contains("4096"));
    }

    @Test
    void labels_passOnlyWhenNamed() {
      MetadataOptions options =
          new MetadataOptions(
              "envoy-gateway",
              List.of(MetadataOptions.DEFAULT_PREFIX),
              List.of("app"),
              1024,
              4096,
              false);
      ObjectMeta meta =
          ObjectMeta.of("Service", "v1", "ns", "s")
              .withLabels(Map.of("app", "web", "tier", "front"));

      assertThat(new ProvenanceRules(options, w -> {}).origin(meta, null).labels())
          .containsExactly(Map.entry("app", "web"));
      assertThat(new ProvenanceRules(MetadataOptions.DEFAULTS, w -> {}).origin(meta, null).labels())
          .isEmpty();
    }

    @Test
    void namedLabels_meetTheSameCaps_sharingTheEntryCapWithAnnotations() {
      MetadataOptions options =
          new MetadataOptions(
              "envoy-gateway",
              List.of(MetadataOptions.DEFAULT_PREFIX),
              List.of("app", "team", "tier"),
              1024,
              4096,
              false);
      List<Warning> warnings = new ArrayList<>();
      Map<String, String> annotations = new java.util.TreeMap<>();
      for (int i = 0; i < 3; i++) {
        annotations.put("gateway.envoyproxy.io/k" + i, "v".repeat(1000));
      }
      ObjectMeta meta =
          ObjectMeta.of("Service", "v1", "ns", "s")
              .withAnnotations(annotations)
              .withLabels(
                  Map.of(
                      "app", "x".repeat(1025), "team", "y".repeat(900), "tier", "z".repeat(1000)));

      ResourceOrigin origin = new ProvenanceRules(options, warnings::add).origin(meta, null);

      assertThat(origin.annotations()).containsOnlyKeys("k0", "k1", "k2");
      assertThat(origin.labels()).containsOnlyKeys("team");
      assertThat(warnings)
          .extracting(Warning::message)
          .containsExactly(
              "label app not propagated to metadata: value is 1025 bytes, over the cap of 1024",
              "label tier not propagated to metadata: the entry would exceed the cap of 4096 bytes");
    }
  }

  @Test
  void endpointMetadata_optIn_putsBackendAndPodOnEveryEndpoint() {
    MetadataOptions options =
        new MetadataOptions(
            "envoy-gateway", List.of(MetadataOptions.DEFAULT_PREFIX), List.of(), 1024, 4096, true);
    IrGateway gw =
        only(
            translate(
                new TranslatorOptions(TranslatorOptions.DEFAULT_CONTROLLER_NAME, options),
                gateway("myns", "gw", http("web", 80)),
                service("myns", "svc-1", "10.0.0.1", 8080),
                io.gatewire.domain.fixtures.Fixtures.slice(
                    "myns", "svc-1", "svc-1-abc", 8080, 9376, "10.244.0.5"),
                httpRoute("myns", "r")
                    .parent("gw")
                    .rule(List.of(prefix("/")), BackendRef.service("svc-1", 8080, 1))
                    .build()));

    var endpoint = gw.clusters().get(0).localities().get(0).endpoints().get(0);

    assertThat(endpoint.metadata().resources())
        .extracting(o -> o.kind() + " " + o.name() + " " + o.sectionName())
        .containsExactly("Pod svc-1-10-244-0-5 null", "Service svc-1 8080");
  }
}
