package io.gatewire.domain.translate;

import static io.gatewire.domain.fixtures.Fixtures.gateway;
import static io.gatewire.domain.fixtures.Fixtures.gatewayClass;
import static io.gatewire.domain.fixtures.Fixtures.http;
import static io.gatewire.domain.fixtures.Fixtures.httpRoute;
import static io.gatewire.domain.fixtures.Fixtures.prefix;
import static io.gatewire.domain.fixtures.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.HttpRouteMatch;
import io.gatewire.domain.status.Condition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A regular expression the dialect refuses drops its rule, not the route or the configuration. */
class RegexRulesTest {
  private static final BackendRef V1 = BackendRef.service("v1", 8080, 1);

  private static HttpRouteMatch regexPath(String pattern) {
    return new HttpRouteMatch(
        new HttpRouteMatch.PathMatch(HttpRouteMatch.PathMatchType.REGULAR_EXPRESSION, pattern),
        List.of(),
        List.of(),
        Optional.empty());
  }

  private static HttpRouteMatch regexHeader(String name, String pattern) {
    return new HttpRouteMatch(
        HttpRouteMatch.PathMatch.ROOT,
        List.of(
            new HttpRouteMatch.HeaderMatch(
                HttpRouteMatch.StringMatchType.REGULAR_EXPRESSION, name, pattern)),
        List.of(),
        Optional.empty());
  }

  private static HttpRouteMatch regexQuery(String name, String pattern) {
    return new HttpRouteMatch(
        HttpRouteMatch.PathMatch.ROOT,
        List.of(),
        List.of(
            new HttpRouteMatch.HeaderMatch(
                HttpRouteMatch.StringMatchType.REGULAR_EXPRESSION, name, pattern)),
        Optional.empty());
  }

  private static TranslationResult translate(Translator translator, List<HttpRouteMatch>... rules) {
    var route = httpRoute("ns", "r").parent("gw");
    for (List<HttpRouteMatch> matches : rules) {
      route.rule(matches, V1);
    }
    return translator.translate(
        GatewayResources.builder()
            .add(gatewayClass("gatewire"))
            .add(gateway("ns", "gw", http("web", 80)))
            .add(service("ns", "v1", "10.0.0.1", 8080))
            .add(route.build())
            .build());
  }

  @Test
  void aBackreferenceInThePath_dropsItsRule_andTheRouteIsPartiallyInvalid() {
    TranslationResult r =
        translate(
            new Translator(TranslatorOptions.DEFAULTS),
            List.of(regexPath("/(a+)/\\1")),
            List.of(prefix("/good")));

    assertThat(Outcomes.routes(r))
        .extracting(route -> route.match().path())
        .containsExactly("/good");
    assertThat(Outcomes.routeCondition(r, "Accepted").holds()).isTrue();
    Condition partial = Outcomes.routeCondition(r, "PartiallyInvalid");
    assertThat(partial.reason()).isEqualTo("UnsupportedValue");
    assertThat(partial.message())
        .isEqualTo(
            "Dropped Rule(s): rule 0: path regex \"/(a+)/\\1\" uses a backreference"
                + " (\\1), which RE2 does not support");
  }

  @Test
  void headerAndQueryRegexes_areCheckedToo_andEveryRuleDropped_isNotAccepted() {
    TranslationResult r =
        translate(
            new Translator(TranslatorOptions.DEFAULTS),
            List.of(regexHeader("x-user", "(?=admin).*")),
            List.of(regexQuery("id", "[0-9]++")));

    assertThat(Outcomes.routes(r)).isEmpty();
    Condition accepted = Outcomes.routeCondition(r, "Accepted");
    assertThat(accepted.holds()).isFalse();
    assertThat(accepted.reason()).isEqualTo("UnsupportedValue");
    assertThat(accepted.message())
        .contains(
            "rule 0: header x-user regex \"(?=admin).*\" uses lookaround",
            "rule 1: query parameter id regex \"[0-9]++\" uses a possessive quantifier");
  }

  @Test
  void theWiredDialectDecides() {
    RegexDialect shortOnly =
        pattern -> pattern.length() > 5 ? Optional.of("is too long") : Optional.empty();

    TranslationResult r =
        translate(
            new Translator(TranslatorOptions.DEFAULTS, shortOnly),
            List.of(regexPath("/a.*")),
            List.of(regexPath("/abcdef.*")));

    assertThat(Outcomes.routes(r))
        .extracting(route -> route.match().path())
        .containsExactly("/a.*");
    assertThat(Outcomes.routeCondition(r, "PartiallyInvalid").message())
        .endsWith("rule 1: path regex \"/abcdef.*\" is too long");
  }
}
