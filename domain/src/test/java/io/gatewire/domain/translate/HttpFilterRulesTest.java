package io.gatewire.domain.translate;

import static io.gatewire.domain.fixtures.Fixtures.gateway;
import static io.gatewire.domain.fixtures.Fixtures.gatewayClass;
import static io.gatewire.domain.fixtures.Fixtures.http;
import static io.gatewire.domain.fixtures.Fixtures.httpRoute;
import static io.gatewire.domain.fixtures.Fixtures.prefix;
import static io.gatewire.domain.fixtures.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrHeaderChanges;
import io.gatewire.domain.ir.IrRoute;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.HttpBackendRef;
import io.gatewire.domain.model.HttpFilter;
import io.gatewire.domain.model.HttpRouteRule;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.status.Condition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The HTTPRoute filters of the Gateway API as the IR carries them: URLRewrite, RequestRedirect
 * paths, response header modifiers, RequestMirror (each mirror its own cluster; a bad mirror
 * backend is a ResolvedRefs problem that leaves the route forwarding), and the filters a backendRef
 * may carry.
 */
class HttpFilterRulesTest {
  private static final String RULE = "httproute/ns/r/rule/0";

  private static TranslationResult translate(List<HttpFilter> filters, HttpBackendRef... refs) {
    List<KubernetesObject> all =
        new ArrayList<>(
            List.of(
                gatewayClass("gatewire"),
                gateway("ns", "gw", http("web", 80)),
                service("ns", "v1", "10.0.0.1", 8080),
                service("ns", "shadow", "10.0.0.2", 8080)));
    all.add(
        httpRoute("ns", "r")
            .parent("gw")
            .rule(
                new HttpRouteRule(
                    Optional.empty(),
                    List.of(prefix("/")),
                    filters,
                    Arrays.asList(refs),
                    Optional.empty(),
                    Optional.empty()))
            .build());
    return new Translator(TranslatorOptions.DEFAULTS)
        .translate(GatewayResources.builder().addAll(all).build());
  }

  private static HttpBackendRef v1(HttpFilter... filters) {
    return new HttpBackendRef(BackendRef.service("v1", 8080, 1), List.of(filters));
  }

  private static IrAction.Forward forward(TranslationResult r) {
    return (IrAction.Forward) Outcomes.routes(r).get(0).action();
  }

  private static HttpFilter.HeaderModifier header(boolean request, String name, String value) {
    return new HttpFilter.HeaderModifier(
        request, List.of(new HttpFilter.Header(name, value)), List.of(), List.of());
  }

  @Test
  void urlRewrite_replacePrefixMatch_andHostname() {
    TranslationResult r =
        translate(
            List.of(
                new HttpFilter.UrlRewrite(
                    Optional.of("internal.example"),
                    Optional.of(new HttpFilter.PathModifier(false, "/v2")))),
            v1());
    assertThat(forward(r).hostRewrite()).isEqualTo("internal.example");
    assertThat(forward(r).prefixRewrite()).isEqualTo("/v2");
    assertThat(forward(r).fullPathRewrite()).isNull();
  }

  @Test
  void urlRewrite_replaceFullPath() {
    TranslationResult r =
        translate(
            List.of(
                new HttpFilter.UrlRewrite(
                    Optional.empty(), Optional.of(new HttpFilter.PathModifier(true, "/only")))),
            v1());
    assertThat(forward(r).fullPathRewrite()).isEqualTo("/only");
    assertThat(forward(r).prefixRewrite()).isNull();
    assertThat(forward(r).hostRewrite()).isNull();
  }

  @Test
  void requestRedirect_replacesTheFullPathOrThePrefix() {
    HttpFilter full =
        new HttpFilter.RequestRedirect(
            Optional.empty(),
            Optional.empty(),
            Optional.of(new HttpFilter.PathModifier(true, "/moved")),
            OptionalInt.of(8443),
            301);
    HttpFilter prefix =
        new HttpFilter.RequestRedirect(
            Optional.empty(),
            Optional.empty(),
            Optional.of(new HttpFilter.PathModifier(false, "/new")),
            OptionalInt.empty(),
            302);

    IrAction.Redirect toFull =
        (IrAction.Redirect) Outcomes.routes(translate(List.of(full))).get(0).action();
    assertThat(toFull.fullPath()).isEqualTo("/moved");
    assertThat(toFull.prefix()).isNull();
    assertThat(toFull.port()).isEqualTo(8443);
    assertThat(toFull.status()).isEqualTo(301);

    IrAction.Redirect toPrefix =
        (IrAction.Redirect) Outcomes.routes(translate(List.of(prefix))).get(0).action();
    assertThat(toPrefix.prefix()).isEqualTo("/new");
    assertThat(toPrefix.fullPath()).isNull();
  }

  @Test
  void requestAndResponseHeaderModifiers_goToTheirOwnSide() {
    TranslationResult r =
        translate(List.of(header(true, "x-req", "1"), header(false, "x-resp", "2")), v1());
    IrRoute route = Outcomes.routes(r).get(0);
    assertThat(route.requestHeaders().set())
        .containsExactly(new IrHeaderChanges.Header("x-req", "1"));
    assertThat(route.responseHeaders().set())
        .containsExactly(new IrHeaderChanges.Header("x-resp", "2"));
  }

  @Test
  void eachRequestMirror_getsItsOwnCluster_withThePercentOrAll() {
    TranslationResult r =
        translate(
            List.of(
                new HttpFilter.RequestMirror(
                    BackendRef.service("shadow", 8080, 1), Optional.empty()),
                new HttpFilter.RequestMirror(BackendRef.service("v1", 8080, 1), Optional.of(5.0))),
            v1());
    assertThat(forward(r).mirrors())
        .containsExactly(
            new IrAction.Mirror(RULE + "/mirror/0", 100.0),
            new IrAction.Mirror(RULE + "/mirror/1", 5.0));
    IrCluster mirror =
        Outcomes.gateway(r).clusters().stream()
            .filter(c -> c.name().equals(RULE + "/mirror/0"))
            .findFirst()
            .orElseThrow();
    assertThat(mirror.discovery()).isEqualTo(IrCluster.Discovery.EDS);
    assertThat(mirror.protocol()).isEqualTo(IrCluster.Protocol.HTTP1);
    assertThat(mirror.localities())
        .singleElement()
        .satisfies(l -> assertThat(l.region()).isEqualTo(RULE + "/mirror/0/backend/0"));
    assertThat(mirror.metadata().resources()).extracting(o -> o.name()).containsExactly("r");
    assertThat(Outcomes.routeCondition(r, "ResolvedRefs").holds()).isTrue();
  }

  @Test
  void aMirrorToAMissingBackend_isBackendNotFound_andTheRouteStillForwards() {
    TranslationResult r =
        translate(
            List.of(
                new HttpFilter.RequestMirror(
                    BackendRef.service("gone", 8080, 1), Optional.empty())),
            v1());
    assertThat(forward(r).mirrors()).isEmpty();
    assertThat(forward(r).cluster()).isEqualTo(RULE);
    Condition resolved = Outcomes.routeCondition(r, "ResolvedRefs");
    assertThat(resolved.holds()).isFalse();
    assertThat(resolved.reason()).isEqualTo("BackendNotFound");
    assertThat(resolved.message()).contains("request mirror");
    assertThat(Outcomes.gateway(r).clusters()).extracting(IrCluster::name).containsExactly(RULE);
  }

  @Test
  void anUnsupportedFilterOnABackendRef_dropsTheRule() {
    TranslationResult r = translate(List.of(), v1(new HttpFilter.Unsupported("ExternalAuth")));
    assertThat(Outcomes.routes(r)).isEmpty();
    Condition accepted = Outcomes.routeCondition(r, "Accepted");
    assertThat(accepted.holds()).isFalse();
    assertThat(accepted.message()).contains("filter type ExternalAuth is not supported");
  }

  @Test
  void aBackendRefMayCarryOnlyHeaderModifiers() {
    TranslationResult r =
        translate(
            List.of(), v1(new HttpFilter.UrlRewrite(Optional.of("h.example"), Optional.empty())));
    assertThat(Outcomes.routes(r)).isEmpty();
    assertThat(Outcomes.routeCondition(r, "Accepted").message())
        .contains("backendRef v1: only RequestHeaderModifier and");
  }
}
