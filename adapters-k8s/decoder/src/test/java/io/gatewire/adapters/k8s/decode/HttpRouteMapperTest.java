package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Decoding.decodeError;
import static io.gatewire.adapters.k8s.decode.Decoding.decodeOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.HttpBackendRef;
import io.gatewire.domain.model.HttpFilter;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.model.HttpRouteMatch;
import io.gatewire.domain.model.HttpRouteMatch.HeaderMatch;
import io.gatewire.domain.model.HttpRouteMatch.PathMatch;
import io.gatewire.domain.model.HttpRouteMatch.PathMatchType;
import io.gatewire.domain.model.HttpRouteMatch.StringMatchType;
import io.gatewire.domain.model.HttpRouteRule;
import io.gatewire.domain.model.ParentRef;
import io.gatewire.domain.port.SourceException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HttpRouteMapperTest {
  private static final String HEADER =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: web, namespace: apps}
      """;

  private static HttpRoute route(String spec) throws SourceException {
    return decodeOne(HEADER + spec, HttpRoute.class);
  }

  @Test
  void fullRoute_mapsParentsHostnamesMatchesBackendsAndTimeouts() throws SourceException {
    HttpRoute route =
        route(
            """
        spec:
          parentRefs:
          - {name: edge, namespace: infra, sectionName: http, port: 80}
          hostnames: [example.com, "*.example.org"]
          rules:
          - name: api
            matches:
            - path: {type: RegularExpression, value: "/api/v[0-9]+"}
              headers: [{type: RegularExpression, name: x-version, value: "2.*"}]
              queryParams: [{name: debug, value: "true"}]
              method: POST
            backendRefs:
            - {name: api, namespace: backends, port: 8080, weight: 3}
            timeouts: {request: 10s, backendRequest: 2s}
            retry: {codes: [500, 503], attempts: 3, backoff: 100ms}
        """);

    assertThat(route.parentRefs())
        .containsExactly(
            new ParentRef(
                GatewayApi.GROUP,
                "Gateway",
                Optional.of("infra"),
                "edge",
                Optional.of("http"),
                OptionalInt.of(80)));
    assertThat(route.hostnames()).containsExactly("example.com", "*.example.org");
    assertThat(route.rules())
        .containsExactly(
            new HttpRouteRule(
                Optional.of("api"),
                List.of(
                    new HttpRouteMatch(
                        new PathMatch(PathMatchType.REGULAR_EXPRESSION, "/api/v[0-9]+"),
                        List.of(
                            new HeaderMatch(
                                StringMatchType.REGULAR_EXPRESSION, "x-version", "2.*")),
                        List.of(new HeaderMatch(StringMatchType.EXACT, "debug", "true")),
                        Optional.of("POST"))),
                List.of(),
                List.of(
                    new HttpBackendRef(
                        new BackendRef(
                            "", "Service", Optional.of("backends"), "api", OptionalInt.of(8080), 3),
                        List.of())),
                Optional.of(new HttpRouteRule.Timeouts(Optional.of("10s"), Optional.of("2s"))),
                Optional.of(
                    new HttpRouteRule.Retry(
                        List.of(500, 503), Optional.of(3), Optional.of("100ms")))));
  }

  @Test
  void retryWithOnlyCodes_hasNoAttemptsOrBackoff() throws SourceException {
    assertThat(
            route("spec: {rules: [{retry: {codes: [502]}, backendRefs: [{name: web, port: 80}]}]}")
                .rules()
                .get(0)
                .retry())
        .contains(new HttpRouteRule.Retry(List.of(502), Optional.empty(), Optional.empty()));
  }

  @Test
  void ruleWithoutTimeouts_hasNone() throws SourceException {
    assertThat(
            route("spec: {rules: [{backendRefs: [{name: web, port: 80}]}]}")
                .rules()
                .get(0)
                .timeouts())
        .isEmpty();
  }

  @Test
  void headerModifiers_mapSetAddAndRemove() throws SourceException {
    HttpRoute route =
        route(
            """
        spec:
          rules:
          - filters:
            - type: RequestHeaderModifier
              requestHeaderModifier:
                set: [{name: x-a, value: "1"}]
                add: [{name: x-b, value: "2"}]
                remove: [x-c]
            - type: ResponseHeaderModifier
              responseHeaderModifier: {remove: [server]}
        """);

    assertThat(route.rules().get(0).filters())
        .containsExactly(
            new HttpFilter.HeaderModifier(
                true,
                List.of(new HttpFilter.Header("x-a", "1")),
                List.of(new HttpFilter.Header("x-b", "2")),
                List.of("x-c")),
            new HttpFilter.HeaderModifier(false, List.of(), List.of(), List.of("server")));
  }

  @Test
  void redirectAndRewrite_mapTheirPathModifiers() throws SourceException {
    HttpRoute route =
        route(
            """
        spec:
          rules:
          - filters:
            - type: RequestRedirect
              requestRedirect: {scheme: https, hostname: example.org, port: 8443, statusCode: 301,
                                path: {type: ReplaceFullPath, replaceFullPath: /new}}
          - filters:
            - type: URLRewrite
              urlRewrite: {hostname: internal, path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}}
        """);

    assertThat(route.rules().get(0).filters())
        .containsExactly(
            new HttpFilter.RequestRedirect(
                Optional.of("https"),
                Optional.of("example.org"),
                Optional.of(new HttpFilter.PathModifier(true, "/new")),
                OptionalInt.of(8443),
                301));
    assertThat(route.rules().get(1).filters())
        .containsExactly(
            new HttpFilter.UrlRewrite(
                Optional.of("internal"), Optional.of(new HttpFilter.PathModifier(false, "/v2"))));
  }

  @Test
  void mirror_takesPercentOrFraction() throws SourceException {
    HttpRoute route =
        route(
            """
        spec:
          rules:
          - filters:
            - type: RequestMirror
              requestMirror: {backendRef: {name: copy, port: 80}, percent: 20}
            - type: RequestMirror
              requestMirror: {backendRef: {name: copy2, port: 80}, fraction: {numerator: 1, denominator: 8}}
            - type: RequestMirror
              requestMirror: {backendRef: {name: copy3, port: 80}}
        """);

    assertThat(route.rules().get(0).filters())
        .containsExactly(
            new HttpFilter.RequestMirror(BackendRef.service("copy", 80, 1), Optional.of(20.0)),
            new HttpFilter.RequestMirror(BackendRef.service("copy2", 80, 1), Optional.of(12.5)),
            new HttpFilter.RequestMirror(BackendRef.service("copy3", 80, 1), Optional.empty()));
  }

  @Test
  void unimplementedFilterTypes_becomeUnsupportedByName_andExtensionRefsKeepTheirReference()
      throws SourceException {
    HttpRoute route =
        route(
            """
        spec:
          rules:
          - filters:
            - type: ExternalAuth
              externalAuth: {protocol: HTTP, backendRef: {name: auth}}
            - type: ExtensionRef
              extensionRef: {group: example.com, kind: Auth, name: a}
        """);

    assertThat(route.rules().get(0).filters())
        .containsExactly(
            new HttpFilter.Unsupported("ExternalAuth"),
            new HttpFilter.ExtensionRef("example.com", "Auth", "a"));
  }

  @Test
  void cors_mapsItsListsAndFlags_maxAgeDefaultsToFive() throws SourceException {
    HttpRoute route =
        route(
            """
        spec:
          rules:
          - filters:
            - type: CORS
              cors:
                allowOrigins: ["https://*.example.com"]
                allowMethods: [GET]
                allowHeaders: [x-a]
                exposeHeaders: [x-b]
                allowCredentials: true
        """);

    assertThat(route.rules().get(0).filters())
        .containsExactly(
            new HttpFilter.Cors(
                List.of("https://*.example.com"),
                List.of("GET"),
                List.of("x-a"),
                List.of("x-b"),
                true,
                5));
  }

  @Test
  void backendRefFilters_belongToTheirBackend() throws SourceException {
    HttpRoute route =
        route(
            """
        spec:
          rules:
          - backendRefs:
            - name: web
              port: 80
              filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: x, value: y}]}}]
        """);

    assertThat(route.rules().get(0).backendRefs().get(0).filters())
        .containsExactly(
            new HttpFilter.HeaderModifier(
                true, List.of(new HttpFilter.Header("x", "y")), List.of(), List.of()));
  }

  @Test
  void unknownPathMatchType_isAnErrorListingTheAllowedValues() {
    SourceException error =
        decodeError(HEADER + "spec: {rules: [{matches: [{path: {type: Prefix, value: /}}]}]}");

    assertThat(error.location()).isEqualTo("doc.yaml#/spec/rules/0/matches/0/path/type");
    assertThat(error.getMessage())
        .endsWith(
            "HTTPRoute apps/web: spec.rules[0].matches[0].path.type: "
                + "unsupported value \"Prefix\": expected one of Exact, PathPrefix, RegularExpression");
  }

  @Test
  void backendRefWithoutName_isAnError() {
    SourceException error = decodeError(HEADER + "spec: {rules: [{backendRefs: [{port: 80}]}]}");

    assertThat(error.location()).isEqualTo("doc.yaml#/spec/rules/0/backendRefs/0/name");
    assertThat(error.getMessage()).endsWith("spec.rules[0].backendRefs[0].name: required");
  }

  @Test
  void filterMissingItsConfiguration_isAnError() {
    SourceException error =
        decodeError(HEADER + "spec: {rules: [{filters: [{type: RequestRedirect}]}]}");

    assertThat(error.getMessage()).endsWith("spec.rules[0].filters[0].requestRedirect: required");
  }

  @Test
  void redirectStatusThatIsNotANumber_isAnError() {
    SourceException error =
        decodeError(
            HEADER
                + "spec: {rules: [{filters: [{type: RequestRedirect, requestRedirect: {statusCode: moved}}]}]}");

    assertThat(error.getMessage())
        .endsWith(
            "spec.rules[0].filters[0].requestRedirect.statusCode: cannot parse \"moved\" as an integer");
  }

  @Test
  void mirrorFractionWithZeroDenominator_isAnError() {
    SourceException error =
        decodeError(
            HEADER
                + "spec: {rules: [{filters: [{type: RequestMirror, requestMirror: "
                + "{backendRef: {name: c, port: 80}, fraction: {numerator: 1, denominator: 0}}}]}]}");

    assertThat(error.getMessage())
        .endsWith(
            "spec.rules[0].filters[0].requestMirror.fraction.denominator: must be greater than 0");
  }

  @Test
  void v1beta1Route_decodesToTheSameRecordAsV1ButKeepsItsApiVersion() throws SourceException {
    String spec =
        "spec: {parentRefs: [{name: edge}], rules: [{backendRefs: [{name: web, port: 80}]}]}";
    HttpRoute v1 = route(spec);
    HttpRoute v1beta1 = decodeOne(HEADER.replace("/v1\n", "/v1beta1\n") + spec, HttpRoute.class);

    assertThat(v1beta1.rules()).isEqualTo(v1.rules());
    assertThat(v1beta1.parentRefs()).isEqualTo(v1.parentRefs());
    assertThat(v1beta1.meta().groupVersion()).isEqualTo("gateway.networking.k8s.io/v1beta1");
  }
}
