package io.gatewire.domain.explain;

import static io.gatewire.domain.fixtures.Fixtures.backend;
import static io.gatewire.domain.fixtures.Fixtures.backendIn;
import static io.gatewire.domain.fixtures.Fixtures.exact;
import static io.gatewire.domain.fixtures.Fixtures.gateway;
import static io.gatewire.domain.fixtures.Fixtures.gatewayClass;
import static io.gatewire.domain.fixtures.Fixtures.grpcRoute;
import static io.gatewire.domain.fixtures.Fixtures.http;
import static io.gatewire.domain.fixtures.Fixtures.httpRoute;
import static io.gatewire.domain.fixtures.Fixtures.l4Route;
import static io.gatewire.domain.fixtures.Fixtures.service;
import static io.gatewire.domain.fixtures.Fixtures.serviceImport;
import static io.gatewire.domain.fixtures.Fixtures.slice;
import static io.gatewire.domain.fixtures.Fixtures.tcp;
import static io.gatewire.domain.fixtures.Fixtures.udp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.gatewire.domain.model.Backend;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayClass;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.GrpcRoute;
import io.gatewire.domain.model.HttpBackendRef;
import io.gatewire.domain.model.HttpRouteMatch;
import io.gatewire.domain.model.ParametersReference;
import io.gatewire.domain.model.ProxySettings;
import io.gatewire.domain.settings.ProxySettingsSpec;
import io.gatewire.domain.settings.TracingSpec;
import io.gatewire.domain.translate.TranslationResult;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExplainerTest {
  private static final HttpRouteMatch CART =
      new HttpRouteMatch(
          new HttpRouteMatch.PathMatch(HttpRouteMatch.PathMatchType.PATH_PREFIX, "/cart"),
          List.of(
              new HttpRouteMatch.HeaderMatch(
                  HttpRouteMatch.StringMatchType.EXACT, "x-env", "canary")),
          List.of(new HttpRouteMatch.HeaderMatch(HttpRouteMatch.StringMatchType.EXACT, "v", "2")),
          Optional.of("GET"));

  private static final GatewayResources INPUT =
      GatewayResources.builder()
          .addAll(
              List.of(
                  gatewayClass("another"),
                  gatewayClass("gatewire"),
                  gateway(
                      "shop",
                      "eg",
                      http("web", 80, "shop.example.com"),
                      tcp("db", 5432),
                      tcp("dnstcp", 53),
                      udp("dns", 53)),
                  httpRoute("shop", "store.v1")
                      .parent("eg")
                      .rule(
                          "cart",
                          List.of(CART),
                          List.of(),
                          backendIn("shop", "cart", 8080, 1),
                          backendIn("shop", "cart.v2", 8080, 3))
                      .rule(List.of(exact("/health")), backendIn("shop", "missing", 80, 1))
                      .build(),
                  grpcRoute(
                      "shop",
                      "rpc",
                      "eg",
                      List.of(
                          new GrpcRoute.Rule(
                              Optional.empty(),
                              List.of(
                                  new GrpcRoute.Match(
                                      Optional.of(
                                          new GrpcRoute.MethodMatch(
                                              HttpRouteMatch.StringMatchType.EXACT,
                                              Optional.of("shop.Cart"),
                                              Optional.of("Get"))),
                                      List.of()),
                                  new GrpcRoute.Match(
                                      Optional.of(
                                          new GrpcRoute.MethodMatch(
                                              HttpRouteMatch.StringMatchType.EXACT,
                                              Optional.empty(),
                                              Optional.of("List"))),
                                      List.of()),
                                  new GrpcRoute.Match(
                                      Optional.of(
                                          new GrpcRoute.MethodMatch(
                                              HttpRouteMatch.StringMatchType.EXACT,
                                              Optional.of("shop.Admin"),
                                              Optional.empty())),
                                      List.of())),
                              List.of(),
                              List.of(
                                  new HttpBackendRef(
                                      backendIn("shop", "cart", 8080, 1), List.of()))),
                          new GrpcRoute.Rule(
                              Optional.of("rest"),
                              List.of(new GrpcRoute.Match(Optional.empty(), List.of())),
                              List.of(),
                              List.of(
                                  new HttpBackendRef(
                                      backendIn("shop", "cart", 8080, 1), List.of()))))),
                  l4Route(
                      "TCPRoute",
                      "shop",
                      "pg",
                      "eg",
                      1,
                      List.of(),
                      null,
                      backendIn("shop", "pg", 5432, 1)),
                  l4Route(
                      "UDPRoute",
                      "shop",
                      "resolver",
                      "eg",
                      1,
                      List.of(),
                      null,
                      backendIn("shop", "coredns", 53, 1)),
                  service("elsewhere", "cart", "10.5.0.1", 8080),
                  service("shop", "cart", "10.0.0.1", 8080),
                  service("shop", "cart.v2", "10.0.0.2", 8080),
                  service("shop", "pg", "10.0.0.3", 5432),
                  service("shop", "coredns", "10.0.0.4", 53),
                  serviceImport("shop", "global", List.of("10.9.0.1"), 8080),
                  backend("shop", "external", new Backend.Ip("192.0.2.7", 443)),
                  slice("elsewhere", "cart", "cart-elsewhere", 8080, 9090, "10.5.1.1"),
                  slice("shop", "cart", "cart-1", 8080, 9090, "10.1.0.1", "10.1.0.2"),
                  slice("shop", "cart.v2", "cart-v2-1", 8080, 9090, "10.1.0.3")))
          .build();

  private static final TranslationResult RESULT =
      new Translator(
              TranslatorOptions.DEFAULTS.withProxySettings(
                  new ProxySettingsSpec(
                      null,
                      new TracingSpec(
                          null, new TracingSpec.Collector("otel.monitoring", 4317), null, null))))
          .translate(INPUT);

  private static final Explainer EXPLAINER =
      new Explainer(INPUT, RESULT, ref -> "input.yaml:" + ref.kind() + "/" + ref.name());

  private static String text(Explanation e) {
    List<String> lines = new ArrayList<>();
    lines.add("understood as " + e.understoodAs() + (e.resolved() ? "" : " (unresolved)"));
    e.xds().forEach(x -> lines.add("xds " + x));
    for (Explanation.Item item : e.objects()) {
      lines.add(item.ref() + " @ " + item.location());
      item.conditions()
          .forEach(c -> lines.add("  condition " + c.type() + "=" + c.status() + " " + c.reason()));
      item.details().forEach(d -> lines.add("  " + d));
      item.warnings().forEach(w -> lines.add("  warning " + w));
    }
    e.unresolved().forEach(u -> lines.add("unresolved " + u));
    return String.join("\n", lines) + "\n";
  }

  private static String explain(Clue... clues) {
    return text(EXPLAINER.explain("in", "test", List.of(clues)));
  }

  /**
   * An Envoy listener (and the route configuration of the same name) leads to the Gateway, its
   * class and the Gateway listeners on that port, with their conditions and attached routes.
   */
  @Test
  void anEnvoyListenerIsTheGatewayListenerOnItsPortWithItsStatus() {
    assertThat(explain(new Clue.XdsName("shop/eg/80")))
        .isEqualTo(
            """
            understood as test
            xds shop/eg/80: the Envoy listener of Gateway shop/eg on port 80
            xds shop/eg/80: a route configuration of Gateway shop/eg
            Gateway shop/eg @ input.yaml:Gateway/eg
              condition Accepted=True Accepted
              condition Programmed=True Programmed
              class gatewire: Accepted=True (Accepted)
              listener web: HTTP port 80 hostname shop.example.com; Accepted=True (Accepted), Conflicted=False (NoConflicts), ResolvedRefs=True (ResolvedRefs), Programmed=True (Programmed); 2 routes attached
            """);
  }

  /** A UDP Envoy listener is the UDP Gateway listener of its port, not a TCP one. */
  @Test
  void aUdpEnvoyListenerIsTheUdpGatewayListenerOnItsPort() {
    assertThat(explain(new Clue.XdsName("shop/eg/53/udp")))
        .isEqualTo(
            """
            understood as test
            xds shop/eg/53/udp: the Envoy listener of Gateway shop/eg on port 53 (UDP)
            Gateway shop/eg @ input.yaml:Gateway/eg
              condition Accepted=True Accepted
              condition Programmed=True Programmed
              class gatewire: Accepted=True (Accepted)
              listener dns: UDP port 53; Accepted=True (Accepted), Conflicted=False (NoConflicts), ResolvedRefs=True (ResolvedRefs), Programmed=True (Programmed); 1 route attached
            """);
  }

  /** A TCP Envoy listener is said to be plain (no UDP) and leads to its listener. */
  @Test
  void aTcpEnvoyListenerIsTheTcpGatewayListenerOnItsPort() {
    assertThat(explain(new Clue.XdsName("shop/eg/5432")))
        .isEqualTo(
            """
            understood as test
            xds shop/eg/5432: the Envoy listener of Gateway shop/eg on port 5432
            Gateway shop/eg @ input.yaml:Gateway/eg
              condition Accepted=True Accepted
              condition Programmed=True Programmed
              class gatewire: Accepted=True (Accepted)
              listener db: TCP port 5432; Accepted=True (Accepted), Conflicted=False (NoConflicts), ResolvedRefs=True (ResolvedRefs), Programmed=True (Programmed); 1 route attached
            """);
  }

  /**
   * A TCP filter chain leads to its Gateway listener, its TCPRoute's rule and that rule's backend.
   */
  @Test
  void aFilterChainLeadsToItsListenerRouteAndBackend() {
    assertThat(explain(new Clue.XdsName("db/tcproute/shop/pg")))
        .isEqualTo(
            """
            understood as test
            xds db/tcproute/shop/pg: the filter chain (and tcp_proxy stat prefix) of listener db forwarding to tcproute/shop/pg/rule/0
            Gateway shop/eg @ input.yaml:Gateway/eg
              condition Accepted=True Accepted
              condition Programmed=True Programmed
              class gatewire: Accepted=True (Accepted)
              listener db: TCP port 5432; Accepted=True (Accepted), Conflicted=False (NoConflicts), ResolvedRefs=True (ResolvedRefs), Programmed=True (Programmed); 1 route attached
            TCPRoute shop/pg @ input.yaml:TCPRoute/pg
              parent Gateway eg: Accepted=True (Accepted), ResolvedRefs=True (ResolvedRefs)
              rule 0
              backendRef 0: Service shop/pg port 5432 weight 1
            Service shop/pg @ input.yaml:Service/pg
              type ClusterIP, ports [5432/TCP], clusterIP 10.0.0.3
              port 5432
              no EndpointSlice
            """);
  }

  /** A UDP filter chain names its UDPRoute the same way. */
  @Test
  void aUdpFilterChainLeadsToItsUdpRoute() {
    assertThat(explain(new Clue.XdsName("dns/udproute/shop/resolver")))
        .isEqualTo(
            """
            understood as test
            xds dns/udproute/shop/resolver: the filter chain (and tcp_proxy stat prefix) of listener dns forwarding to udproute/shop/resolver/rule/0
            Gateway shop/eg @ input.yaml:Gateway/eg
              condition Accepted=True Accepted
              condition Programmed=True Programmed
              class gatewire: Accepted=True (Accepted)
              listener dns: UDP port 53; Accepted=True (Accepted), Conflicted=False (NoConflicts), ResolvedRefs=True (ResolvedRefs), Programmed=True (Programmed); 1 route attached
            UDPRoute shop/resolver @ input.yaml:UDPRoute/resolver
              parent Gateway eg: Accepted=True (Accepted), ResolvedRefs=True (ResolvedRefs)
              rule 0
              backendRef 0: Service shop/coredns port 53 weight 1
            Service shop/coredns @ input.yaml:Service/coredns
              type ClusterIP, ports [53/TCP], clusterIP 10.0.0.4
              port 53
              no EndpointSlice
            """);
  }

  /**
   * A virtual host says its domains and how many routes it holds, and leads to its Gateway
   * listener.
   */
  @Test
  void aVirtualHostSaysItsDomainsAndRouteCount() {
    assertThat(explain(new Clue.XdsName("shop/eg/80/shop_example_com")))
        .isEqualTo(
            """
            understood as test
            xds shop/eg/80/shop_example_com: the virtual host for shop.example.com (6 routes)
            Gateway shop/eg @ input.yaml:Gateway/eg
              condition Accepted=True Accepted
              condition Programmed=True Programmed
              class gatewire: Accepted=True (Accepted)
              listener web: HTTP port 80 hostname shop.example.com; Accepted=True (Accepted), Conflicted=False (NoConflicts), ResolvedRefs=True (ResolvedRefs), Programmed=True (Programmed); 2 routes attached
            """);
  }

  /**
   * An Envoy route leads to its HTTPRoute rule (name and matches as text) and, as the input names
   * no backend, to every backendRef of the rule with its EndpointSlices.
   */
  @Test
  void anEnvoyRouteLeadsToItsRuleAndEveryBackendRefOfIt() {
    assertThat(explain(new Clue.XdsName("httproute/shop/store.v1/rule/0/match/0/shop_example_com")))
        .isEqualTo(
            """
            understood as test
            xds httproute/shop/store.v1/rule/0/match/0/shop_example_com: a route of virtual host shop/eg/80/shop_example_com
            Gateway shop/eg @ input.yaml:Gateway/eg
              condition Accepted=True Accepted
              condition Programmed=True Programmed
              class gatewire: Accepted=True (Accepted)
              listener web: HTTP port 80 hostname shop.example.com; Accepted=True (Accepted), Conflicted=False (NoConflicts), ResolvedRefs=True (ResolvedRefs), Programmed=True (Programmed); 2 routes attached
            HTTPRoute shop/store.v1 @ input.yaml:HTTPRoute/store.v1
              parent Gateway eg: Accepted=True (Accepted), ResolvedRefs=False (BackendNotFound: rule 1: backendRef Service shop/missing not found)
              rule 0 "cart": PathPrefix /cart method GET header x-env=canary query v=2
              backendRef 0: Service shop/cart port 8080 weight 1
              backendRef 1: Service shop/cart.v2 port 8080 weight 3
            Service shop/cart @ input.yaml:Service/cart
              type ClusterIP, ports [8080/TCP], clusterIP 10.0.0.1
              port 8080
              1 EndpointSlice(s)
            EndpointSlice shop/cart-1 @ input.yaml:EndpointSlice/cart-1
              2 endpoints, 2 ready: 10.1.0.1, 10.1.0.2
            Service shop/cart.v2 @ input.yaml:Service/cart.v2
              type ClusterIP, ports [8080/TCP], clusterIP 10.0.0.2
              port 8080
              1 EndpointSlice(s)
            EndpointSlice shop/cart-v2-1 @ input.yaml:EndpointSlice/cart-v2-1
              1 endpoints, 1 ready: 10.1.0.3
            """);
  }

  /**
   * A backendRef whose Service is not in the input is reported unresolved, and the route's parent
   * shows the message of its failing condition.
   */
  @Test
  void aBackendRefThatDoesNotResolveIsReportedNotGuessed() {
    assertThat(explain(new Clue.XdsName("httproute/shop/store.v1/rule/1/match/0/shop_example_com")))
        .isEqualTo(
            """
            understood as test (unresolved)
            xds httproute/shop/store.v1/rule/1/match/0/shop_example_com: a route of virtual host shop/eg/80/shop_example_com
            Gateway shop/eg @ input.yaml:Gateway/eg
              condition Accepted=True Accepted
              condition Programmed=True Programmed
              class gatewire: Accepted=True (Accepted)
              listener web: HTTP port 80 hostname shop.example.com; Accepted=True (Accepted), Conflicted=False (NoConflicts), ResolvedRefs=True (ResolvedRefs), Programmed=True (Programmed); 2 routes attached
            HTTPRoute shop/store.v1 @ input.yaml:HTTPRoute/store.v1
              parent Gateway eg: Accepted=True (Accepted), ResolvedRefs=False (BackendNotFound: rule 1: backendRef Service shop/missing not found)
              rule 1: Exact /health
              backendRef 0: Service shop/missing port 80 weight 1
            unresolved Service shop/missing is not in the input
            """);
  }

  /** Stat names replace dots with underscores: the cluster and the route are found either way. */
  @Test
  void aStatNameWithUnderscoresFindsTheClusterWithDots() {
    assertThat(explain(new Clue.XdsName("httproute/shop/store_v1/rule/0")))
        .isEqualTo(
            """
            understood as test
            xds httproute/shop/store_v1/rule/0: the cluster of rule 0
            HTTPRoute shop/store.v1 @ input.yaml:HTTPRoute/store.v1
              parent Gateway eg: Accepted=True (Accepted), ResolvedRefs=False (BackendNotFound: rule 1: backendRef Service shop/missing not found)
              rule 0 "cart": PathPrefix /cart method GET header x-env=canary query v=2
              backendRef 0: Service shop/cart port 8080 weight 1
              backendRef 1: Service shop/cart.v2 port 8080 weight 3
            Service shop/cart @ input.yaml:Service/cart
              type ClusterIP, ports [8080/TCP], clusterIP 10.0.0.1
              port 8080
              1 EndpointSlice(s)
            EndpointSlice shop/cart-1 @ input.yaml:EndpointSlice/cart-1
              2 endpoints, 2 ready: 10.1.0.1, 10.1.0.2
            Service shop/cart.v2 @ input.yaml:Service/cart.v2
              type ClusterIP, ports [8080/TCP], clusterIP 10.0.0.2
              port 8080
              1 EndpointSlice(s)
            EndpointSlice shop/cart-v2-1 @ input.yaml:EndpointSlice/cart-v2-1
              1 endpoints, 1 ready: 10.1.0.3
            """);
  }

  /** A locality is one backendRef of a cluster: that one is marked and only its backend follows. */
  @Test
  void aLocalityMarksTheOneBackendRefItIs() {
    assertThat(explain(new Clue.XdsName("httproute/shop/store.v1/rule/0/backend/1")))
        .isEqualTo(
            """
            understood as test
            xds httproute/shop/store.v1/rule/0/backend/1: the locality of one backendRef in cluster httproute/shop/store.v1/rule/0
            HTTPRoute shop/store.v1 @ input.yaml:HTTPRoute/store.v1
              parent Gateway eg: Accepted=True (Accepted), ResolvedRefs=False (BackendNotFound: rule 1: backendRef Service shop/missing not found)
              rule 0 "cart": PathPrefix /cart method GET header x-env=canary query v=2
              backendRef 0: Service shop/cart port 8080 weight 1
              backendRef 1: Service shop/cart.v2 port 8080 weight 3  <- this one
            Service shop/cart.v2 @ input.yaml:Service/cart.v2
              type ClusterIP, ports [8080/TCP], clusterIP 10.0.0.2
              port 8080
              1 EndpointSlice(s)
            EndpointSlice shop/cart-v2-1 @ input.yaml:EndpointSlice/cart-v2-1
              1 endpoints, 1 ready: 10.1.0.3
            """);
  }

  /** Gatewire's OTLP collector cluster leads to the Gateway whose settings name that collector. */
  @Test
  void theCollectorClusterLeadsToTheGatewayThatSetsIt() {
    assertThat(explain(new Clue.XdsName("gatewire/otlp/otel.monitoring/4317")))
        .isEqualTo(
            """
            understood as test
            xds gatewire/otlp/otel.monitoring/4317: Gatewire's cluster for the OpenTelemetry collector otel.monitoring:4317 of Gateway shop/eg
            Gateway shop/eg @ input.yaml:Gateway/eg
              condition Accepted=True Accepted
              condition Programmed=True Programmed
              class gatewire: Accepted=True (Accepted)
            """);
  }

  /** A collector cluster for another port is not guessed. */
  @Test
  void aCollectorClusterOfAnotherPortIsNotInTheConfiguration() {
    assertThat(explain(new Clue.XdsName("gatewire/otlp/otel.monitoring/4318")))
        .isEqualTo(
            """
            understood as test (unresolved)
            unresolved no Envoy resource named gatewire/otlp/otel.monitoring/4318 in this configuration
            """);
  }

  /** A name that is not in the configuration is unresolved, and nothing is listed. */
  @Test
  void anUnknownNameIsUnresolvedAndNothingIsFound() {
    assertThat(explain(new Clue.XdsName("nope")))
        .isEqualTo(
            """
            understood as test (unresolved)
            unresolved no Envoy resource named nope in this configuration
            """);
  }

  /**
   * GRPCRoute rule matches are written service/method, a missing part as *, no method match as any
   * method.
   */
  @Test
  void grpcRuleMatchesAreWrittenAsServiceSlashMethod() {
    assertThat(explain(new Clue.XdsName("grpcroute/shop/rpc/rule/0")))
        .isEqualTo(
            """
            understood as test
            xds grpcroute/shop/rpc/rule/0: the cluster of rule 0
            GRPCRoute shop/rpc @ input.yaml:GRPCRoute/rpc
              parent Gateway eg: Accepted=True (Accepted), ResolvedRefs=True (ResolvedRefs)
              rule 0: shop.Cart/Get or */List or shop.Admin/*
              backendRef 0: Service shop/cart port 8080 weight 1
            Service shop/cart @ input.yaml:Service/cart
              type ClusterIP, ports [8080/TCP], clusterIP 10.0.0.1
              port 8080
              1 EndpointSlice(s)
            EndpointSlice shop/cart-1 @ input.yaml:EndpointSlice/cart-1
              2 endpoints, 2 ready: 10.1.0.1, 10.1.0.2
            """);
  }

  /** A GRPCRoute rule with a name and no method match. */
  @Test
  void aGrpcRuleWithoutMethodMatchMatchesAnyMethod() {
    assertThat(explain(new Clue.XdsName("grpcroute/shop/rpc/rule/1")))
        .isEqualTo(
            """
            understood as test
            xds grpcroute/shop/rpc/rule/1: the cluster of rule 1
            GRPCRoute shop/rpc @ input.yaml:GRPCRoute/rpc
              parent Gateway eg: Accepted=True (Accepted), ResolvedRefs=True (ResolvedRefs)
              rule 1 "rest": any method
              backendRef 0: Service shop/cart port 8080 weight 1
            Service shop/cart @ input.yaml:Service/cart
              type ClusterIP, ports [8080/TCP], clusterIP 10.0.0.1
              port 8080
              1 EndpointSlice(s)
            EndpointSlice shop/cart-1 @ input.yaml:EndpointSlice/cart-1
              2 endpoints, 2 ready: 10.1.0.1, 10.1.0.2
            """);
  }

  /**
   * A route rule and a backend named together (as a stat spells them): the matching backendRef is
   * marked and only that backend follows.
   */
  @Test
  void aNamedBackendIsMarkedAmongItsRulesBackendRefs() {
    assertThat(
            explain(
                new Clue.RouteClue("httproute", "shop", "store_v1", 0),
                new Clue.BackendClue("service", "shop", "cart_v2", 8080)))
        .isEqualTo(
            """
            understood as test
            HTTPRoute shop/store.v1 @ input.yaml:HTTPRoute/store.v1
              parent Gateway eg: Accepted=True (Accepted), ResolvedRefs=False (BackendNotFound: rule 1: backendRef Service shop/missing not found)
              rule 0 "cart": PathPrefix /cart method GET header x-env=canary query v=2
              backendRef 0: Service shop/cart port 8080 weight 1
              backendRef 1: Service shop/cart.v2 port 8080 weight 3  <- this one
            Service shop/cart.v2 @ input.yaml:Service/cart.v2
              type ClusterIP, ports [8080/TCP], clusterIP 10.0.0.2
              port 8080
              1 EndpointSlice(s)
            EndpointSlice shop/cart-v2-1 @ input.yaml:EndpointSlice/cart-v2-1
              1 endpoints, 1 ready: 10.1.0.3
            """);
  }

  /**
   * Every clue that names something the input does not hold is reported, and what does exist is
   * still shown.
   */
  @Test
  void eachMissingThingIsReportedOnce() {
    assertThat(
            explain(
                new Clue.RouteClue("httproute", "shop", "store.v1", 2),
                new Clue.RouteClue("GRPCRoute", "shop", "store.v1", 0),
                new Clue.GatewayClue("shop", "eg", "ghost"),
                new Clue.GatewayClue("shop", "gone", null),
                new Clue.BackendClue("Service", "shop", "missing", null)))
        .isEqualTo(
            """
            understood as test (unresolved)
            Gateway shop/eg @ input.yaml:Gateway/eg
              condition Accepted=True Accepted
              condition Programmed=True Programmed
              class gatewire: Accepted=True (Accepted)
            HTTPRoute shop/store.v1 @ input.yaml:HTTPRoute/store.v1
              parent Gateway eg: Accepted=True (Accepted), ResolvedRefs=False (BackendNotFound: rule 1: backendRef Service shop/missing not found)
            unresolved Gateway shop/eg has no listener ghost
            unresolved Gateway shop/gone is not in the input
            unresolved GRPCRoute shop/store.v1 is not in the input
            unresolved HTTPRoute shop/store.v1 has no rule 2 (it has 2)
            unresolved Service shop/missing is not in the input
            """);
  }

  /**
   * ServiceImports, Envoy Gateway Backends and Services are each described as what they are; a
   * Service named twice is shown once.
   */
  @Test
  void eachBackendKindIsDescribedOnceWithItsSlices() {
    assertThat(
            explain(
                new Clue.BackendClue("serviceimport", "shop", "global", null),
                new Clue.BackendClue("Backend", "shop", "external", 443),
                new Clue.BackendClue("Service", "shop", "pg", 5432),
                new Clue.BackendClue("Service", "shop", "pg", null)))
        .isEqualTo(
            """
            understood as test
            ServiceImport shop/global @ input.yaml:ServiceImport/global
              type ClusterSetIP, ips [10.9.0.1]
              no EndpointSlice
            Backend shop/external @ input.yaml:Backend/external
              endpoints [Ip[address=192.0.2.7, port=443]]
              port 443
            Service shop/pg @ input.yaml:Service/pg
              type ClusterIP, ports [5432/TCP], clusterIP 10.0.0.3
              port 5432
              no EndpointSlice
            """);
  }

  /**
   * A route named without a rule is shown with its parents only; a backend named without a port is
   * any port of it.
   */
  @Test
  void aBackendNamedWithoutPortIsMarkedInTheRuleNamed() {
    assertThat(
            explain(
                new Clue.RouteClue("HTTPRoute", "shop", "store.v1", null),
                new Clue.RouteClue("HTTPRoute", "shop", "store.v1", 0),
                new Clue.BackendClue("Service", "shop", "cart", null)))
        .isEqualTo(
            """
            understood as test
            HTTPRoute shop/store.v1 @ input.yaml:HTTPRoute/store.v1
              parent Gateway eg: Accepted=True (Accepted), ResolvedRefs=False (BackendNotFound: rule 1: backendRef Service shop/missing not found)
              rule 0 "cart": PathPrefix /cart method GET header x-env=canary query v=2
              backendRef 0: Service shop/cart port 8080 weight 1  <- this one
              backendRef 1: Service shop/cart.v2 port 8080 weight 3
            Service shop/cart @ input.yaml:Service/cart
              type ClusterIP, ports [8080/TCP], clusterIP 10.0.0.1
              1 EndpointSlice(s)
            EndpointSlice shop/cart-1 @ input.yaml:EndpointSlice/cart-1
              2 endpoints, 2 ready: 10.1.0.1, 10.1.0.2
            """);
  }

  /** A Gateway whose class is not in the input says so, and has no status to show. */
  @Test
  void aGatewayOfAnotherClassIsShownWithoutStatus() {
    Gateway plain = gateway("edge", "lonely", http("idle", 8080));
    Gateway lonely =
        new Gateway(
            plain.meta(),
            "other",
            plain.listeners(),
            Optional.of(
                new ParametersReference(
                    ProxySettings.GROUP, ProxySettings.KIND, Optional.empty(), "tuned")));
    GatewayResources input = GatewayResources.builder().addAll(List.of(lonely)).build();
    Explanation explanation =
        new Explainer(
                input, new Translator(TranslatorOptions.DEFAULTS).translate(input), ref -> null)
            .explain(
                "edge/lonely",
                "a Gateway",
                List.of(new Clue.GatewayClue("edge", "lonely", "idle")));
    assertThat(explanation.input()).isEqualTo("edge/lonely");
    assertThat(explanation.understoodAs()).isEqualTo("a Gateway");
    assertThat(text(explanation))
        .isEqualTo(
            """
            understood as a Gateway
            Gateway edge/lonely @ null
              class other (not in the input)
              infrastructure parametersRef gatewire.io/ProxySettings tuned
              listener idle: HTTP port 8080
            """);
  }

  /**
   * A class's parametersRef is shown; a troubled condition carries its message; no route is 0
   * routes.
   */
  @Test
  void aClassParametersRefIsShown() {
    GatewayClass plain = gatewayClass("gatewire");
    GatewayClass tuned =
        new GatewayClass(
            plain.meta(),
            plain.controllerName(),
            Optional.of(
                new ParametersReference(
                    ProxySettings.GROUP, ProxySettings.KIND, Optional.of("ops"), "defaults")));
    GatewayResources input =
        GatewayResources.builder()
            .addAll(List.of(tuned, gatewayWithSettings("edge", "gw", "missing")))
            .build();
    assertThat(
            text(
                new Explainer(
                        input,
                        new Translator(TranslatorOptions.DEFAULTS).translate(input),
                        ref -> null)
                    .explain("x", "test", List.of(new Clue.GatewayClue("edge", "gw", "web")))))
        .isEqualTo(
            """
            understood as test
            Gateway edge/gw @ null
              condition Accepted=False InvalidParameters
              condition Programmed=True Programmed
              class gatewire: Accepted=False (InvalidParameters: parametersRef gatewire.io/ProxySettings ops/defaults names ProxySettings ops/defaults, which does not exist; the Gateway is programmed with the settings of the other levels)
              class parametersRef gatewire.io/ProxySettings ops/defaults
              infrastructure parametersRef gatewire.io/ProxySettings missing
              listener web: HTTP port 80; Accepted=True (Accepted), Conflicted=False (NoConflicts), ResolvedRefs=True (ResolvedRefs), Programmed=True (Programmed); 0 routes attached
              warning parametersRef gatewire.io/ProxySettings missing names ProxySettings edge/missing, which does not exist; the Gateway is programmed with the settings of the other levels
            """);
  }

  private static Gateway gatewayWithSettings(String namespace, String name, String settings) {
    Gateway plain = gateway(namespace, name, http("web", 80));
    return new Gateway(
        plain.meta(),
        plain.gatewayClassName(),
        plain.listeners(),
        Optional.of(
            new ParametersReference(
                ProxySettings.GROUP, ProxySettings.KIND, Optional.empty(), settings)));
  }

  /** Gatewire's locality zones read back as backend clues; anything else is not one. */
  @Test
  void aZoneIsKindNamespaceNameAndOptionalPort() {
    assertThat(Explainer.backendOfZone("Service/shop/cart/8080"))
        .contains(new Clue.BackendClue("service", "shop", "cart", 8080));
    assertThat(Explainer.backendOfZone("ServiceImport/shop/global"))
        .contains(new Clue.BackendClue("serviceimport", "shop", "global", null));
    assertThat(Explainer.backendOfZone("Service/shop")).isEmpty();
    assertThat(Explainer.backendOfZone("Service/shop/cart/http")).isEmpty();
    assertThat(Explainer.backendOfZone("Service/shop/cart/80/x")).isEmpty();
  }

  /** Only an explanation that found something and misses nothing is resolved. */
  @Test
  void resolvedNeedsSomethingFoundAndNothingMissing() {
    Explanation.Item item =
        new Explanation.Item(
            new io.gatewire.domain.model.ObjectRef("Gateway", "ns", "gw"),
            null,
            List.of(),
            List.of(),
            List.of());
    assertThat(new Explanation("i", "t", List.of(item), List.of(), List.of()).resolved()).isTrue();
    assertThat(new Explanation("i", "t", List.of(), List.of(), List.of()).resolved()).isFalse();
    assertThat(new Explanation("i", "t", List.of(item), List.of(), List.of("x")).resolved())
        .isFalse();
  }

  /** A clue refuses to be built without what identifies it. */
  @Test
  void cluesNeedTheirIdentity() {
    assertThatNullPointerException().isThrownBy(() -> new Clue.XdsName(null));
    assertThatNullPointerException().isThrownBy(() -> new Clue.GatewayClue(null, "n", null));
    assertThatNullPointerException().isThrownBy(() -> new Clue.GatewayClue("ns", null, null));
    assertThatNullPointerException().isThrownBy(() -> new Clue.RouteClue(null, "ns", "n", 0));
    assertThatNullPointerException().isThrownBy(() -> new Clue.RouteClue("k", null, "n", 0));
    assertThatNullPointerException().isThrownBy(() -> new Clue.RouteClue("k", "ns", null, 0));
    assertThatNullPointerException().isThrownBy(() -> new Clue.BackendClue(null, "ns", "n", 0));
    assertThatNullPointerException().isThrownBy(() -> new Clue.BackendClue("k", null, "n", 0));
    assertThatNullPointerException().isThrownBy(() -> new Clue.BackendClue("k", "ns", null, 0));
  }
}
