package io.gatewire.domain.translate;

import static io.gatewire.domain.fixtures.Fixtures.allowAll;
import static io.gatewire.domain.fixtures.Fixtures.backend;
import static io.gatewire.domain.fixtures.Fixtures.backendIn;
import static io.gatewire.domain.fixtures.Fixtures.exact;
import static io.gatewire.domain.fixtures.Fixtures.gateway;
import static io.gatewire.domain.fixtures.Fixtures.gatewayClass;
import static io.gatewire.domain.fixtures.Fixtures.grant;
import static io.gatewire.domain.fixtures.Fixtures.http;
import static io.gatewire.domain.fixtures.Fixtures.httpRoute;
import static io.gatewire.domain.fixtures.Fixtures.https;
import static io.gatewire.domain.fixtures.Fixtures.prefix;
import static io.gatewire.domain.fixtures.Fixtures.service;
import static io.gatewire.domain.fixtures.Fixtures.slice;
import static io.gatewire.domain.fixtures.Fixtures.tlsSecret;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrEndpoint;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrHeaderChanges;
import io.gatewire.domain.ir.IrMatch;
import io.gatewire.domain.ir.IrRoute;
import io.gatewire.domain.ir.IrVirtualHost;
import io.gatewire.domain.model.AllowedRoutes;
import io.gatewire.domain.model.Backend;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.GatewayClass;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.GrpcRoute;
import io.gatewire.domain.model.HttpBackendRef;
import io.gatewire.domain.model.HttpFilter;
import io.gatewire.domain.model.HttpRouteMatch;
import io.gatewire.domain.model.HttpRouteRule;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.LabelSelector;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.ParentRef;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.StatusBody;
import io.gatewire.domain.status.Warning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TranslatorTest {

  private static TranslationResult translate(KubernetesObject... objects) {
    List<KubernetesObject> all = new ArrayList<>(List.of(gatewayClass("gatewire")));
    all.addAll(Arrays.asList(objects));
    return new Translator(TranslatorOptions.DEFAULTS)
        .translate(GatewayResources.builder().addAll(all).build());
  }

  private static IrGateway gw(TranslationResult r) {
    return r.ir().gateways().get(0);
  }

  private static List<IrRoute> routes(TranslationResult r, String domain) {
    return gw(r).routeConfigs().stream()
        .flatMap(c -> c.virtualHosts().stream())
        .filter(h -> h.domains().contains(domain))
        .findFirst()
        .map(IrVirtualHost::routes)
        .orElse(List.of());
  }

  private static List<Condition> routeConditions(TranslationResult r, String name) {
    StatusBody.RouteStatus status =
        (StatusBody.RouteStatus)
            r.statuses().stream()
                .filter(s -> s.name().equals(name) && s.kind().endsWith("Route"))
                .findFirst()
                .orElseThrow()
                .status();
    return status.parents().get(0).conditions();
  }

  private static Condition condition(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
  }

  private static StatusBody.GatewayStatus gatewayStatus(TranslationResult r, String name) {
    return (StatusBody.GatewayStatus)
        r.statuses().stream()
            .filter(s -> s.kind().equals("Gateway") && s.name().equals(name))
            .findFirst()
            .orElseThrow()
            .status();
  }

  @Nested
  class MissingParents {
    @Test
    void routeWhoseParentRefNamesNoExistingGateway_getsAWarningNamingBoth() {
      GatewayClass other =
          new GatewayClass(
              ObjectMeta.of("GatewayClass", GatewayApi.V1, "", "other"), "example.com/other");
      Gateway theirs =
          new Gateway(
              ObjectMeta.of("Gateway", GatewayApi.V1, "ns", "theirs"),
              "other",
              List.of(http("web", 80)));

      TranslationResult r =
          translate(
              other,
              theirs,
              gateway("ns", "gw", http("web", 80)),
              httpRoute("ns", "lost").parent("nosuch").rule(List.of()).build(),
              httpRoute("ns", "fine").parent("gw").rule(List.of()).build(),
              httpRoute("ns", "elsewhere").parent("theirs").rule(List.of()).build());

      assertThat(r.warnings())
          .extracting(Warning::toString)
          .containsExactly(
              "HTTPRoute ns/lost: parentRef names Gateway ns/nosuch, which does not exist;"
                  + " the route is not attached to it");
    }
  }

  @Nested
  class GatewayClasses {
    @Test
    void onlyClassesWithOurControllerName_areManaged() {
      GatewayClass other =
          new GatewayClass(
              ObjectMeta.of("GatewayClass", GatewayApi.V1, "", "other"), "example.com/other");
      Gateway theirs =
          new Gateway(
              ObjectMeta.of("Gateway", GatewayApi.V1, "ns", "theirs"),
              "other",
              List.of(http("web", 80)));

      TranslationResult r = translate(other, theirs, gateway("ns", "ours", http("web", 80)));

      assertThat(r.ir().gateways()).extracting(IrGateway::key).containsExactly("ns/ours");
      assertThat(r.statuses())
          .extracting(ObjectStatus::name)
          .containsExactlyInAnyOrder("gatewire", "ours");
    }
  }

  @Nested
  class Listeners {
    @Test
    void listenersOnOnePort_shareOneEnvoyListener() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("a", 80, "a.com"), http("b", 80, "b.com"), http("c", 8080)));

      assertThat(gw(r).listeners())
          .extracting(l -> l.name() + ":" + l.port())
          .containsExactly("ns/gw/80:80", "ns/gw/8080:8080");
    }

    @Test
    void sameHostnameOnOnePort_isConflicted_andNotProgrammed() {
      TranslationResult r =
          translate(gateway("ns", "gw", http("a", 80, "a.com"), http("b", 80, "a.com")));

      StatusBody.ListenerStatus a = gatewayStatus(r, "gw").listeners().get(0);
      assertThat(condition(a.conditions(), "Conflicted").reason()).isEqualTo("HostnameConflict");
      assertThat(condition(a.conditions(), "Programmed").holds()).isFalse();
      assertThat(gw(r).listeners()).isEmpty();
    }

    @Test
    void httpsListener_withMissingSecret_hasInvalidCertificateRef() {
      TranslationResult r = translate(gateway("ns", "gw", https("tls", 443, "a.com", "missing")));

      StatusBody.ListenerStatus l = gatewayStatus(r, "gw").listeners().get(0);
      assertThat(condition(l.conditions(), "ResolvedRefs").reason())
          .isEqualTo("InvalidCertificateRef");
    }

    @Test
    void httpsListener_getsTlsChainWithServerNameAndSecret() {
      TranslationResult r =
          translate(
              tlsSecret("ns", "cert"),
              gateway("ns", "gw", https("tls", 443, "a.com", "cert")),
              service("ns", "svc", "10.0.0.1", 80),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(List.of(prefix("/")), BackendRef.service("svc", 80, 1))
                  .build());

      var chain = gw(r).listeners().get(0).tlsChains().get(0);
      assertThat(chain.serverNames()).containsExactly("a.com");
      assertThat(chain.secretNames()).containsExactly("ns/cert");
      assertThat(gw(r).secrets()).extracting(s -> s.name()).containsExactly("ns/cert");
      assertThat(routes(r, "a.com")).hasSize(1);
    }

    @Test
    void httpsListenersOnOnePort_eachChainAnswers421ForTheOthersHostnames_andKeeps404ForItsOwn() {
      TranslationResult r =
          translate(
              tlsSecret("ns", "cert"),
              gateway(
                  "ns",
                  "gw",
                  https("any", 443, null, "cert"),
                  https("shop", 443, "shop.com", "cert"),
                  https("wild", 443, "*.shop.com", "cert")),
              service("ns", "svc", "10.0.0.1", 80),
              httpRoute("ns", "r")
                  .parent("gw")
                  .hostnames("a.org", "shop.com")
                  .rule(List.of(prefix("/")), BackendRef.service("svc", 80, 1))
                  .build());

      Map<String, Map<String, IrVirtualHost>> configs = new java.util.TreeMap<>();
      gw(r)
          .routeConfigs()
          .forEach(
              c ->
                  c.virtualHosts()
                      .forEach(
                          v ->
                              configs
                                  .computeIfAbsent(c.name(), n -> new java.util.TreeMap<>())
                                  .put(v.domains().get(0), v)));
      Map<String, IrVirtualHost> any = configs.get("ns/gw/443/any");
      Map<String, IrVirtualHost> shop = configs.get("ns/gw/443/shop");
      Map<String, IrVirtualHost> wild = configs.get("ns/gw/443/wild");

      // shop.com belongs to the listener shop: the route's shop.com goes there, and "any" answers
      // it 421.
      assertThat(any).containsOnlyKeys("a.org", "shop.com", "*.shop.com");
      assertThat(any.get("a.org").routes())
          .extracting(IrRoute::action)
          .allMatch(a -> a instanceof IrAction.Forward);
      IrVirtualHost misdirected = any.get("shop.com");
      assertThat(misdirected.name()).isEqualTo("ns/gw/443/any/shop_com");
      assertThat(misdirected.routes())
          .singleElement()
          .satisfies(
              route -> {
                assertThat(route.name()).isEqualTo("ns/gw/443/any/shop_com/misdirected");
                assertThat(route.action()).isEqualTo(new IrAction.DirectResponse(421));
                assertThat(route.match().path()).isEqualTo("/");
              });
      assertThat(misdirected.metadata().resources())
          .extracting(o -> o.sectionName())
          .containsExactly("shop");
      assertThat(shop).containsOnlyKeys("shop.com", "*", "*.shop.com");
      assertThat(shop.get("shop.com").routes())
          .extracting(IrRoute::action)
          .allMatch(a -> a instanceof IrAction.Forward);
      assertThat(shop.get("*").routes())
          .extracting(IrRoute::action)
          .containsExactly(new IrAction.DirectResponse(421));
      // No route on wild: its own hostname gets an empty virtual host (404), not the 421 of "*".
      assertThat(wild).containsOnlyKeys("*", "shop.com", "*.shop.com");
      assertThat(wild.get("*.shop.com").routes()).isEmpty();
      assertThat(wild.get("*.shop.com").metadata().resources())
          .extracting(o -> o.sectionName())
          .containsExactly("wild");
    }

    @Test
    void attachedRoutes_countsRoutesPerListener() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80), http("other", 81)),
              service("ns", "svc", "10.0.0.1", 80),
              httpRoute("ns", "r1")
                  .parent("gw")
                  .rule(List.of(), BackendRef.service("svc", 80, 1))
                  .build(),
              httpRoute("ns", "r2")
                  .parent("gw")
                  .rule(List.of(), BackendRef.service("svc", 80, 1))
                  .build());

      assertThat(gatewayStatus(r, "gw").listeners())
          .extracting(StatusBody.ListenerStatus::attachedRoutes)
          .containsExactly(2, 2);
    }
  }

  @Nested
  class Attachment {
    @Test
    void sectionName_selectsOneListener() {
      ParentRef ref =
          new ParentRef(
              GatewayApi.GROUP,
              "Gateway",
              Optional.empty(),
              "gw",
              Optional.of("b"),
              OptionalInt.empty());
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("a", 80), http("b", 81)),
              service("ns", "svc", "10.0.0.1", 80),
              httpRoute("ns", "r")
                  .parent(ref)
                  .rule(List.of(), BackendRef.service("svc", 80, 1))
                  .build());

      assertThat(gatewayStatus(r, "gw").listeners())
          .extracting(StatusBody.ListenerStatus::attachedRoutes)
          .containsExactly(0, 1);
    }

    @Test
    void unknownSectionName_isNoMatchingParent() {
      ParentRef ref =
          new ParentRef(
              GatewayApi.GROUP,
              "Gateway",
              Optional.empty(),
              "gw",
              Optional.of("nope"),
              OptionalInt.empty());
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("a", 80)),
              httpRoute("ns", "r")
                  .parent(ref)
                  .rule(List.of(), BackendRef.service("svc", 80, 1))
                  .build());

      Condition accepted = condition(routeConditions(r, "r"), "Accepted");
      assertThat(accepted.holds()).isFalse();
      assertThat(accepted.reason()).isEqualTo("NoMatchingParent");
    }

    @Test
    void portNotMatchingListener_isNoMatchingParent() {
      ParentRef ref =
          new ParentRef(
              GatewayApi.GROUP,
              "Gateway",
              Optional.empty(),
              "gw",
              Optional.empty(),
              OptionalInt.of(81));
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("a", 80)),
              httpRoute("ns", "r")
                  .parent(ref)
                  .rule(List.of(), BackendRef.service("svc", 80, 1))
                  .build());

      assertThat(condition(routeConditions(r, "r"), "Accepted").reason())
          .isEqualTo("NoMatchingParent");
    }

    @Test
    void routeFromOtherNamespace_isNotAllowedBySameNamespaceListener() {
      ParentRef ref =
          new ParentRef(
              GatewayApi.GROUP,
              "Gateway",
              Optional.of("infra"),
              "gw",
              Optional.empty(),
              OptionalInt.empty());
      TranslationResult r =
          translate(
              gateway("infra", "gw", http("a", 80)),
              httpRoute("apps", "r")
                  .parent(ref)
                  .rule(List.of(), BackendRef.service("svc", 80, 1))
                  .build());

      assertThat(condition(routeConditions(r, "r"), "Accepted").reason())
          .isEqualTo("NotAllowedByListeners");
    }

    @Test
    void allowedRoutesAll_acceptsRoutesFromAnyNamespace() {
      ParentRef ref =
          new ParentRef(
              GatewayApi.GROUP,
              "Gateway",
              Optional.of("infra"),
              "gw",
              Optional.empty(),
              OptionalInt.empty());
      TranslationResult r =
          translate(
              gateway("infra", "gw", allowAll(http("a", 80))),
              service("apps", "svc", "10.0.0.1", 80),
              httpRoute("apps", "r")
                  .parent(ref)
                  .rule(List.of(), BackendRef.service("svc", 80, 1))
                  .build());

      assertThat(condition(routeConditions(r, "r"), "Accepted").holds()).isTrue();
    }

    @Test
    void allowedRoutesSelector_matchesNamespaceLabels() {
      Listener selective =
          new Listener(
              "a",
              Optional.empty(),
              80,
              io.gatewire.domain.model.ListenerProtocol.HTTP,
              Optional.empty(),
              new AllowedRoutes(
                  AllowedRoutes.From.SELECTOR,
                  Optional.of(new LabelSelector(Map.of("team", "web"), List.of())),
                  List.of()));
      ParentRef ref =
          new ParentRef(
              GatewayApi.GROUP,
              "Gateway",
              Optional.of("infra"),
              "gw",
              Optional.empty(),
              OptionalInt.empty());
      TranslationResult r =
          translate(
              gateway("infra", "gw", selective),
              io.gatewire.domain.fixtures.Fixtures.namespace("web", Map.of("team", "web")),
              io.gatewire.domain.fixtures.Fixtures.namespace("db", Map.of("team", "db")),
              httpRoute("web", "yes")
                  .parent(ref)
                  .rule(List.of(), BackendRef.service("svc", 80, 1))
                  .build(),
              httpRoute("db", "no")
                  .parent(ref)
                  .rule(List.of(), BackendRef.service("svc", 80, 1))
                  .build());

      assertThat(condition(routeConditions(r, "yes"), "Accepted").holds()).isTrue();
      assertThat(condition(routeConditions(r, "no"), "Accepted").reason())
          .isEqualTo("NotAllowedByListeners");
    }

    @Test
    void routeHostnamesNotMatchingListener_isNoMatchingListenerHostname() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("a", 80, "a.com")),
              httpRoute("ns", "r")
                  .parent("gw")
                  .hostnames("b.com")
                  .rule(List.of(), BackendRef.service("svc", 80, 1))
                  .build());

      assertThat(condition(routeConditions(r, "r"), "Accepted").reason())
          .isEqualTo("NoMatchingListenerHostname");
      assertThat(gw(r).routeConfigs().get(0).virtualHosts()).isEmpty();
    }

    @Test
    void parentRefToOtherControllersGateway_getsNoStatusFromUs() {
      TranslationResult r =
          translate(
              httpRoute("ns", "r")
                  .parent("not-ours")
                  .rule(List.of(), BackendRef.service("svc", 80, 1))
                  .build());

      assertThat(r.statuses()).noneMatch(s -> s.kind().equals("HTTPRoute"));
    }

    @Test
    void hostnameOfMoreSpecificListener_isNotServedByLessSpecificListenersRoutes() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("wild", 80, "*.example.com"), http("any", 80)),
              service("ns", "svc", "10.0.0.1", 80),
              httpRoute("ns", "via-any")
                  .parent(
                      new ParentRef(
                          GatewayApi.GROUP,
                          "Gateway",
                          Optional.empty(),
                          "gw",
                          Optional.of("any"),
                          OptionalInt.empty()))
                  .hostnames("foo.example.com", "other.com")
                  .rule(List.of(), BackendRef.service("svc", 80, 1))
                  .build());

      assertThat(routes(r, "other.com")).hasSize(1);
      assertThat(routes(r, "foo.example.com")).isEmpty();
    }
  }

  @Nested
  class Precedence {
    @Test
    void exactBeatsLongestPrefix_whichBeatsShorterPrefix_acrossRoutes() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "svc", "10.0.0.1", 80),
              httpRoute("ns", "a")
                  .parent("gw")
                  .rule(List.of(prefix("/")), BackendRef.service("svc", 80, 1))
                  .build(),
              httpRoute("ns", "b")
                  .parent("gw")
                  .rule(List.of(prefix("/foo/bar")), BackendRef.service("svc", 80, 1))
                  .build(),
              httpRoute("ns", "c")
                  .parent("gw")
                  .rule(List.of(exact("/foo")), BackendRef.service("svc", 80, 1))
                  .build());

      assertThat(routes(r, "*"))
          .extracting(IrRoute::name)
          .containsExactly(
              "httproute/ns/c/rule/0/match/0/*",
              "httproute/ns/b/rule/0/match/0/*",
              "httproute/ns/a/rule/0/match/0/*");
    }

    @Test
    void methodThenHeadersThenQueryParams_breakPathTies() {
      HttpRouteMatch method =
          new HttpRouteMatch(
              HttpRouteMatch.PathMatch.ROOT, List.of(), List.of(), Optional.of("GET"));
      HttpRouteMatch twoHeaders =
          new HttpRouteMatch(
              HttpRouteMatch.PathMatch.ROOT,
              List.of(
                  new HttpRouteMatch.HeaderMatch(HttpRouteMatch.StringMatchType.EXACT, "a", "1"),
                  new HttpRouteMatch.HeaderMatch(HttpRouteMatch.StringMatchType.EXACT, "b", "2")),
              List.of(),
              Optional.empty());
      HttpRouteMatch oneQuery =
          new HttpRouteMatch(
              HttpRouteMatch.PathMatch.ROOT,
              List.of(),
              List.of(
                  new HttpRouteMatch.HeaderMatch(HttpRouteMatch.StringMatchType.EXACT, "q", "1")),
              Optional.empty());
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "svc", "10.0.0.1", 80),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(
                      List.of(prefix("/"), oneQuery, twoHeaders, method),
                      BackendRef.service("svc", 80, 1))
                  .build());

      assertThat(routes(r, "*"))
          .extracting(IrRoute::name)
          .containsExactly(
              "httproute/ns/r/rule/0/match/3/*", "httproute/ns/r/rule/0/match/2/*",
              "httproute/ns/r/rule/0/match/1/*", "httproute/ns/r/rule/0/match/0/*");
      assertThat(routes(r, "*").get(0).match().headers())
          .containsExactly(new IrMatch.StringMatch(":method", false, "GET"));
    }

    @Test
    void equalMatches_oldestRouteWins_thenNamespaceName() {
      Instant old = Instant.parse("2024-01-01T00:00:00Z");
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "svc", "10.0.0.1", 80),
              httpRoute("ns", "a-new")
                  .parent("gw")
                  .created(old.plusSeconds(60))
                  .rule(List.of(prefix("/x")), BackendRef.service("svc", 80, 1))
                  .build(),
              httpRoute("ns", "z-old")
                  .parent("gw")
                  .created(old)
                  .rule(List.of(prefix("/x")), BackendRef.service("svc", 80, 1))
                  .build(),
              httpRoute("ns", "b-old")
                  .parent("gw")
                  .created(old.plusMillis(500))
                  .rule(List.of(prefix("/x")), BackendRef.service("svc", 80, 1))
                  .build());

      assertThat(routes(r, "*"))
          .extracting(IrRoute::name)
          .containsExactly(
              "httproute/ns/b-old/rule/0/match/0/*",
              "httproute/ns/z-old/rule/0/match/0/*",
              "httproute/ns/a-new/rule/0/match/0/*");
    }
  }

  @Nested
  class Backends {
    @Test
    void weights_becomeLocalityWeights_onOneClusterPerRule() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "v1", "10.0.0.1", 8080),
              service("ns", "v2", "10.0.0.2", 8080),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(
                      List.of(),
                      BackendRef.service("v1", 8080, 70),
                      BackendRef.service("v2", 8080, 30))
                  .build());

      IrCluster cluster = gw(r).clusters().get(0);
      assertThat(cluster.localities()).extracting(l -> l.weight()).containsExactly(70, 30);
      assertThat(routes(r, "*").get(0).action())
          .isEqualTo(
              new IrAction.Forward(
                  cluster.name(),
                  100,
                  0,
                  List.of(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  List.of()));
    }

    @Test
    void missingBackend_getsItsWeightShareAs500_andResolvedRefsFalse() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "v1", "10.0.0.1", 8080),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(
                      List.of(),
                      BackendRef.service("v1", 8080, 1),
                      BackendRef.service("gone", 8080, 1))
                  .build());

      IrAction.Forward action = (IrAction.Forward) routes(r, "*").get(0).action();
      assertThat(action.backendWeight()).isEqualTo(1);
      assertThat(action.invalidWeight()).isEqualTo(1);
      Condition resolved = condition(routeConditions(r, "r"), "ResolvedRefs");
      assertThat(resolved.reason()).isEqualTo("BackendNotFound");
      assertThat(condition(routeConditions(r, "r"), "Accepted").holds()).isTrue();
    }

    @Test
    void allBackendsInvalid_directResponse500_andNoCluster() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(List.of(), BackendRef.service("gone", 8080, 1))
                  .build());

      assertThat(routes(r, "*").get(0).action()).isEqualTo(new IrAction.DirectResponse(500));
      assertThat(gw(r).clusters()).isEmpty();
    }

    @Test
    void unknownBackendKind_isInvalidKind() {
      BackendRef ref =
          new BackendRef("example.com", "Bucket", Optional.empty(), "b", OptionalInt.of(80), 1);
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              httpRoute("ns", "r").parent("gw").rule(List.of(), ref).build());

      assertThat(condition(routeConditions(r, "r"), "ResolvedRefs").reason())
          .isEqualTo("InvalidKind");
    }

    @Test
    void serviceWithoutSlices_usesClusterIpAndServicePort() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "svc", "10.96.0.10", 8080),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(List.of(), BackendRef.service("svc", 8080, 1))
                  .build());

      assertThat(gw(r).clusters().get(0).localities().get(0).endpoints())
          .extracting(IrEndpoint::address, IrEndpoint::port)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("10.96.0.10", 8080));
    }

    @Test
    void serviceWithSlices_usesReadyAddressesOnTheNamedSlicePort() {
      var notReady =
          new io.gatewire.domain.model.EndpointSlice(
              slice("ns", "svc", "svc-b", 8080, 9376).meta(),
              "svc",
              "IPv4",
              List.of(
                  new io.gatewire.domain.model.EndpointSlice.Port(
                      "p8080", OptionalInt.of(9376), "TCP")),
              List.of(
                  new io.gatewire.domain.model.EndpointSlice.Endpoint(
                      List.of("10.244.0.9"), false, Optional.empty(), Optional.empty())));
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "svc", "10.96.0.10", 8080),
              slice("ns", "svc", "svc-a", 8080, 9376, "10.244.0.7", "10.244.0.5"),
              notReady,
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(List.of(), BackendRef.service("svc", 8080, 1))
                  .build());

      assertThat(gw(r).clusters().get(0).localities().get(0).endpoints())
          .extracting(e -> e.address() + ":" + e.port())
          .containsExactly("10.244.0.5:9376", "10.244.0.7:9376");
    }

    @Test
    void serviceWithSlicesButNoReadyEndpoint_keepsAnEmptyLocality_for503() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "svc", "10.96.0.10", 8080),
              slice("ns", "svc", "svc-a", 8080, 9376),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(List.of(), BackendRef.service("svc", 8080, 1))
                  .build());

      assertThat(gw(r).clusters().get(0).localities().get(0).endpoints()).isEmpty();
      assertThat(routes(r, "*").get(0).action()).isInstanceOf(IrAction.Forward.class);
    }

    @Test
    void servicePortMissing_isBackendNotFound() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "svc", "10.96.0.10", 8080),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(List.of(), BackendRef.service("svc", 9999, 1))
                  .build());

      assertThat(condition(routeConditions(r, "r"), "ResolvedRefs").reason())
          .isEqualTo("BackendNotFound");
    }

    @Test
    void serviceImport_withoutSlices_usesSpecIps() {
      BackendRef ref =
          new BackendRef(
              GatewayApi.MCS_GROUP,
              "ServiceImport",
              Optional.empty(),
              "imp",
              OptionalInt.of(80),
              1);
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              io.gatewire.domain.fixtures.Fixtures.serviceImport(
                  "ns", "imp", List.of("10.1.0.2", "10.1.0.1"), 80),
              httpRoute("ns", "r").parent("gw").rule(List.of(), ref).build());

      assertThat(gw(r).clusters().get(0).localities().get(0).endpoints())
          .extracting(IrEndpoint::address)
          .containsExactly("10.1.0.1", "10.1.0.2");
    }

    @Test
    void backendWithFqdn_makesAStrictDnsCluster() {
      BackendRef ref =
          new BackendRef(
              GatewayApi.ENVOY_GATEWAY_GROUP,
              "Backend",
              Optional.empty(),
              "ext",
              OptionalInt.empty(),
              1);
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              backend("ns", "ext", new Backend.Fqdn("api.example.com", 443)),
              httpRoute("ns", "r").parent("gw").rule(List.of(), ref).build());

      IrCluster cluster = gw(r).clusters().get(0);
      assertThat(cluster.discovery()).isEqualTo(IrCluster.Discovery.STRICT_DNS);
      assertThat(cluster.localities().get(0).endpoints())
          .extracting(IrEndpoint::address)
          .containsExactly("api.example.com");
    }
  }

  @Nested
  class Filters {
    private HttpRouteRule rule(
        String path,
        List<HttpFilter> filters,
        List<HttpBackendRef> refs,
        HttpRouteRule.Retry retry) {
      return new HttpRouteRule(
          Optional.empty(),
          List.of(prefix(path)),
          filters,
          refs,
          Optional.empty(),
          Optional.ofNullable(retry));
    }

    private HttpBackendRef ref(String name, int weight, HttpFilter... filters) {
      return new HttpBackendRef(BackendRef.service(name, 8080, weight), List.of(filters));
    }

    private HttpFilter.HeaderModifier setRequestHeader(String name, String value) {
      return new HttpFilter.HeaderModifier(
          true, List.of(new HttpFilter.Header(name, value)), List.of(), List.of());
    }

    @Test
    void retry_becomesTheForwardsRetry() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "v1", "10.0.0.1", 8080),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(
                      rule(
                          "/",
                          List.of(),
                          List.of(ref("v1", 1)),
                          new HttpRouteRule.Retry(
                              List.of(500, 503), Optional.of(3), Optional.of("100ms"))))
                  .build());

      IrAction.Forward action = (IrAction.Forward) routes(r, "*").get(0).action();
      assertThat(action.retry()).isEqualTo(new IrAction.Retry(3, List.of(500, 503), "100ms"));
    }

    @Test
    void invalidRetry_dropsOnlyItsRule_andReportsPartiallyInvalid() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "v1", "10.0.0.1", 8080),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(
                      rule(
                          "/bad",
                          List.of(),
                          List.of(ref("v1", 1)),
                          new HttpRouteRule.Retry(
                              List.of(399), Optional.empty(), Optional.empty())))
                  .rule(rule("/good", List.of(), List.of(ref("v1", 1)), null))
                  .build());

      assertThat(routes(r, "*")).extracting(route -> route.match().path()).containsExactly("/good");
      assertThat(condition(routeConditions(r, "r"), "Accepted").holds()).isTrue();
      Condition partial = condition(routeConditions(r, "r"), "PartiallyInvalid");
      assertThat(partial.holds()).isTrue();
      assertThat(partial.reason()).isEqualTo("UnsupportedValue");
      assertThat(partial.message()).startsWith("Dropped Rule").contains("rule 0").contains("399");
    }

    @Test
    void unsupportedFilterOnEveryRule_isNotAccepted_andAttachesNothing() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "v1", "10.0.0.1", 8080),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(
                      rule(
                          "/",
                          List.of(new HttpFilter.Unsupported("ExternalAuth")),
                          List.of(ref("v1", 1)),
                          null))
                  .build());

      Condition accepted = condition(routeConditions(r, "r"), "Accepted");
      assertThat(accepted.holds()).isFalse();
      assertThat(accepted.reason()).isEqualTo("UnsupportedValue");
      assertThat(routes(r, "*")).isEmpty();
      assertThat(gw(r).clusters()).isEmpty();
    }

    @Test
    void extensionRef_answers500_andResolvedRefsFalse() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "v1", "10.0.0.1", 8080),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(
                      rule(
                          "/",
                          List.of(new HttpFilter.ExtensionRef("example.com", "Auth", "a")),
                          List.of(ref("v1", 1)),
                          null))
                  .build());

      assertThat(routes(r, "*").get(0).action()).isEqualTo(new IrAction.DirectResponse(500));
      assertThat(condition(routeConditions(r, "r"), "ResolvedRefs").reason())
          .isEqualTo("InvalidKind");
      assertThat(condition(routeConditions(r, "r"), "Accepted").holds()).isTrue();
    }

    @Test
    void backendRefFilters_giveEachBackendItsOwnCluster_andKeepTheInvalidShare() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "v1", "10.0.0.1", 8080),
              service("ns", "v2", "10.0.0.2", 8080),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(
                      rule(
                          "/",
                          List.of(),
                          List.of(
                              ref("v1", 3, setRequestHeader("backend", "v1")),
                              ref("v2", 1),
                              ref("gone", 1)),
                          null))
                  .build());

      IrAction.Forward action = (IrAction.Forward) routes(r, "*").get(0).action();
      String rule = "httproute/ns/r/rule/0";
      assertThat(action.splits())
          .containsExactly(
              new IrAction.Split(
                  rule + "/backend/0",
                  3,
                  new IrHeaderChanges(
                      List.of(new IrHeaderChanges.Header("backend", "v1")), List.of(), List.of()),
                  null),
              new IrAction.Split(rule + "/backend/1", 1, null, null));
      assertThat(action.invalidWeight()).isEqualTo(1);
      assertThat(gw(r).clusters())
          .extracting(IrCluster::name)
          .containsExactly(rule + "/backend/0", rule + "/backend/1");
      IrCluster first = gw(r).clusters().get(0);
      assertThat(first.localities())
          .singleElement()
          .satisfies(l -> assertThat(l.region()).isEqualTo(first.name()));
      assertThat(first.metadata().resources())
          .extracting(o -> o.kind())
          .containsExactly("HTTPRoute");
    }

    @Test
    void redirectWithoutPortOrScheme_takesTheListenerPort_unlessWellKnown() {
      HttpFilter redirect =
          new HttpFilter.RequestRedirect(
              Optional.empty(),
              Optional.of("example.org"),
              Optional.empty(),
              OptionalInt.empty(),
              302);
      HttpFilter toHttps =
          new HttpFilter.RequestRedirect(
              Optional.of("https"), Optional.empty(), Optional.empty(), OptionalInt.empty(), 302);
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("a", 80), http("b", 8080)),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(rule("/plain", List.of(redirect), List.of(), null))
                  .rule(rule("/tls", List.of(toHttps), List.of(), null))
                  .build());

      List<Integer> ports =
          gw(r).routeConfigs().stream()
              .flatMap(c -> c.virtualHosts().stream())
              .flatMap(h -> h.routes().stream())
              .map(route -> ((IrAction.Redirect) route.action()).port())
              .toList();
      // Port 80: plain keeps 80 (left out), tls goes to 443 (left out); port 8080: plain keeps
      // 8080.
      assertThat(ports).containsExactlyInAnyOrder(null, null, 8080, null);
    }
  }

  @Nested
  class ReferenceGrants {
    @Test
    void crossNamespaceBackend_withoutGrant_isRefNotPermitted() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("other", "svc", "10.0.0.1", 80),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(List.of(), backendIn("other", "svc", 80, 1))
                  .build());

      assertThat(condition(routeConditions(r, "r"), "ResolvedRefs").reason())
          .isEqualTo("RefNotPermitted");
      assertThat(routes(r, "*").get(0).action()).isEqualTo(new IrAction.DirectResponse(500));
    }

    @Test
    void crossNamespaceBackend_withGrantInTargetNamespace_resolves() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("other", "svc", "10.0.0.1", 80),
              grant("other", "HTTPRoute", "ns", "", "Service"),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(List.of(), backendIn("other", "svc", 80, 1))
                  .build());

      assertThat(condition(routeConditions(r, "r"), "ResolvedRefs").holds()).isTrue();
      assertThat(gw(r).clusters()).hasSize(1);
    }

    @Test
    void grantInTheWrongNamespace_doesNotPermit() {
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("other", "svc", "10.0.0.1", 80),
              grant("ns", "HTTPRoute", "ns", "", "Service"),
              httpRoute("ns", "r")
                  .parent("gw")
                  .rule(List.of(), backendIn("other", "svc", 80, 1))
                  .build());

      assertThat(condition(routeConditions(r, "r"), "ResolvedRefs").reason())
          .isEqualTo("RefNotPermitted");
    }
  }

  @Nested
  class GrpcRoutes {
    @Test
    void serviceAndMethod_becomeExactPath_onAnHttp2Cluster() {
      GrpcRoute.Rule rule =
          new GrpcRoute.Rule(
              Optional.of("echo"),
              List.of(
                  new GrpcRoute.Match(
                      Optional.of(
                          new GrpcRoute.MethodMatch(
                              HttpRouteMatch.StringMatchType.EXACT,
                              Optional.of("pkg.Echo"),
                              Optional.of("Say"))),
                      List.of())),
              List.of(),
              List.of(new HttpBackendRef(BackendRef.service("grpc", 9000, 1), List.of())));
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "grpc", "10.0.0.1", 9000),
              io.gatewire.domain.fixtures.Fixtures.grpcRoute("ns", "g", "gw", List.of(rule)));

      IrRoute route = routes(r, "*").get(0);
      assertThat(route.name()).isEqualTo("grpcroute/ns/g/rule/0/match/0/*");
      assertThat(route.match().pathType()).isEqualTo(IrMatch.PathType.EXACT);
      assertThat(route.match().path()).isEqualTo("/pkg.Echo/Say");
      assertThat(gw(r).clusters().get(0).protocol()).isEqualTo(IrCluster.Protocol.HTTP2);
      assertThat(gw(r).clusters().get(0).metadata().resources().get(0).sectionName())
          .isEqualTo("echo");
    }

    @Test
    void ruleWithoutMatches_matchesEverything_withMatchIndexMinusOne() {
      GrpcRoute.Rule rule =
          new GrpcRoute.Rule(
              Optional.empty(),
              List.of(),
              List.of(),
              List.of(new HttpBackendRef(BackendRef.service("grpc", 9000, 1), List.of())));
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "grpc", "10.0.0.1", 9000),
              io.gatewire.domain.fixtures.Fixtures.grpcRoute("ns", "g", "gw", List.of(rule)));

      IrRoute route = routes(r, "*").get(0);
      assertThat(route.name()).isEqualTo("grpcroute/ns/g/rule/0/match/-1/*");
      assertThat(route.match().pathType()).isEqualTo(IrMatch.PathType.PREFIX);
    }

    @Test
    void methodOnly_becomesARegexOverAnyService() {
      GrpcRoute.Rule rule =
          new GrpcRoute.Rule(
              Optional.empty(),
              List.of(
                  new GrpcRoute.Match(
                      Optional.of(
                          new GrpcRoute.MethodMatch(
                              HttpRouteMatch.StringMatchType.EXACT,
                              Optional.empty(),
                              Optional.of("Say"))),
                      List.of())),
              List.of(),
              List.of(new HttpBackendRef(BackendRef.service("grpc", 9000, 1), List.of())));
      TranslationResult r =
          translate(
              gateway("ns", "gw", http("web", 80)),
              service("ns", "grpc", "10.0.0.1", 9000),
              io.gatewire.domain.fixtures.Fixtures.grpcRoute("ns", "g", "gw", List.of(rule)));

      assertThat(routes(r, "*").get(0).match().path()).isEqualTo("/[^/]+/\\QSay\\E");
    }
  }

  @Test
  void sameInputInAnyOrder_givesEqualResults() {
    List<KubernetesObject> objects =
        new ArrayList<>(
            List.of(
                gatewayClass("gatewire"),
                gateway("ns", "gw", http("web", 80), http("b", 81)),
                service("ns", "a", "10.0.0.1", 80),
                service("ns", "b", "10.0.0.2", 80),
                slice("ns", "a", "a-1", 80, 8080, "10.1.0.1", "10.1.0.2"),
                slice("ns", "a", "a-2", 80, 8080, "10.1.0.3"),
                httpRoute("ns", "r1")
                    .parent("gw")
                    .hostnames("x.com", "y.com")
                    .rule(
                        List.of(prefix("/a"), exact("/b")),
                        BackendRef.service("a", 80, 2),
                        BackendRef.service("b", 80, 1))
                    .build(),
                httpRoute("ns", "r2")
                    .parent("gw")
                    .rule(List.of(prefix("/")), BackendRef.service("missing", 80, 1))
                    .build()));
    Translator translator = new Translator(TranslatorOptions.DEFAULTS);
    TranslationResult expected =
        translator.translate(GatewayResources.builder().addAll(objects).build());

    Random random = new Random(42);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(objects, random);
      assertThat(translator.translate(GatewayResources.builder().addAll(objects).build()))
          .isEqualTo(expected);
    }
  }
}
