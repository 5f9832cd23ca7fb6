package io.gatewire.adapters.xds.mapping;

import static io.gatewire.adapters.xds.testing.IrFixtures.prefix;
import static io.gatewire.adapters.xds.testing.IrFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption.HeaderAppendAction;
import io.envoyproxy.envoy.config.route.v3.FilterConfig;
import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import io.envoyproxy.envoy.config.route.v3.RedirectAction.RedirectResponseCode;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteAction.ClusterNotFoundResponseCode;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster.ClusterWeight;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy;
import io.envoyproxy.envoy.type.v3.FractionalPercent.DenominatorType;
import io.gatewire.adapters.xds.testing.IrFixtures;
import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrCors;
import io.gatewire.domain.ir.IrHeaderChanges;
import io.gatewire.domain.ir.IrHeaderChanges.Header;
import io.gatewire.domain.ir.IrMatch;
import io.gatewire.domain.ir.IrMatch.StringMatch;
import io.gatewire.domain.ir.IrRoute;
import io.gatewire.domain.ir.IrRouteConfig;
import io.gatewire.domain.ir.IrVirtualHost;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.metadata.ResourceMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteMapperTest {
  private final RouteMapper mapper = new RouteMapper(new MetadataMapper(MetadataOptions.DEFAULTS));

  @Test
  void routeConfiguration_keepsVirtualHostsAndRouteOrder_andIgnoresPortsInHosts() {
    IrRoute first = route("r/0", prefix("/a"), IrAction.Forward.to("c"), ResourceMetadata.NONE);
    IrRoute second = route("r/1", prefix("/"), IrAction.Forward.to("c"), ResourceMetadata.NONE);
    RouteConfiguration config =
        mapper.map(
            new IrRouteConfig(
                "ns/gw/http",
                List.of(
                    new IrVirtualHost(
                        "vh/b",
                        List.of("b.example.com"),
                        List.of(first, second),
                        ResourceMetadata.NONE),
                    new IrVirtualHost(
                        "vh/a",
                        List.of("*.example.com"),
                        List.of(second),
                        ResourceMetadata.NONE))));

    assertThat(config.getName()).isEqualTo("ns/gw/http");
    assertThat(config.getIgnorePortInHostMatching()).isTrue();
    assertThat(config.hasMetadata()).isFalse();
    assertThat(config.getVirtualHostsList())
        .extracting(VirtualHost::getName)
        .containsExactly("vh/b", "vh/a");
    assertThat(config.getVirtualHosts(0).getDomainsList()).containsExactly("b.example.com");
    assertThat(config.getVirtualHosts(0).getRoutesList())
        .extracting(Route::getName)
        .containsExactly("r/0", "r/1");
  }

  @Test
  void exactPath_isPath() {
    assertThat(match(new IrMatch(IrMatch.PathType.EXACT, "/a/b", List.of(), List.of())).getPath())
        .isEqualTo("/a/b");
  }

  @Test
  void rootPrefix_isPlainPrefixSlash() {
    RouteMatch match = match(prefix("/"));
    assertThat(match.getPathSpecifierCase()).isEqualTo(RouteMatch.PathSpecifierCase.PREFIX);
    assertThat(match.getPrefix()).isEqualTo("/");
  }

  @Test
  void otherPrefixes_matchWholeSegments_withoutTheTrailingSlash() {
    assertThat(match(prefix("/api")).getPathSeparatedPrefix()).isEqualTo("/api");
    assertThat(match(prefix("/api/v1/")).getPathSeparatedPrefix()).isEqualTo("/api/v1");
  }

  @Test
  void regexPath_headersAndQueryParams_becomeExactOrRe2Matchers() {
    RouteMatch match =
        match(
            new IrMatch(
                IrMatch.PathType.REGEX,
                "/items/[0-9]+",
                List.of(
                    new StringMatch(":method", false, "GET"),
                    new StringMatch("x-v", true, "v[12]")),
                List.of(new StringMatch("q", false, "1"), new StringMatch("r", true, "a.*"))));

    assertThat(match.getSafeRegex().getRegex()).isEqualTo("/items/[0-9]+");
    assertThat(match.getHeaders(0).getName()).isEqualTo(":method");
    assertThat(match.getHeaders(0).getStringMatch().getExact()).isEqualTo("GET");
    assertThat(match.getHeaders(1).getStringMatch().getSafeRegex().getRegex()).isEqualTo("v[12]");
    assertThat(match.getQueryParameters(0).getName()).isEqualTo("q");
    assertThat(match.getQueryParameters(0).getStringMatch().getExact()).isEqualTo("1");
    assertThat(match.getQueryParameters(1).getStringMatch().getSafeRegex().getRegex())
        .isEqualTo("a.*");
  }

  @Test
  void forwardWithoutInvalidShare_namesTheClusterDirectly() {
    RouteAction action =
        single(route("r", prefix("/"), IrAction.Forward.to("c"), ResourceMetadata.NONE)).getRoute();

    assertThat(action.getCluster()).isEqualTo("c");
    assertThat(action.hasWeightedClusters()).isFalse();
    assertThat(action.hasTimeout()).isFalse();
  }

  @Test
  void invalidBackendShare_goesToAMissingClusterAnswered500() {
    RouteAction action =
        forward(
            new IrAction.Forward(
                "c", 3, 1, List.of(), null, null, null, null, null, null, List.of()));

    assertThat(action.getWeightedClusters().getClustersList())
        .extracting(ClusterWeight::getName, w -> w.getWeight().getValue())
        .containsExactly(tuple("c", 3), tuple("gatewire/invalid-backend", 1));
    assertThat(action.getClusterNotFoundResponseCode())
        .isEqualTo(ClusterNotFoundResponseCode.INTERNAL_SERVER_ERROR);
  }

  @Test
  void allBackendsInvalid_leavesOnlyTheInvalidShare() {
    RouteAction action =
        forward(
            new IrAction.Forward(
                "c", 0, 2, List.of(), null, null, null, null, null, null, List.of()));

    assertThat(action.getWeightedClusters().getClustersList())
        .extracting(ClusterWeight::getName)
        .containsExactly("gatewire/invalid-backend");
  }

  @Test
  void rewritesTimeoutAndMirrors_areCarriedOver() {
    RouteAction action =
        single(
                route(
                    "r",
                    prefix("/v1"),
                    new IrAction.Forward(
                        "c",
                        1,
                        0,
                        List.of(),
                        "internal",
                        "/v2",
                        null,
                        "1h2m",
                        "250ms",
                        null,
                        List.of(new IrAction.Mirror("m1", 100), new IrAction.Mirror("m2", 12.5))),
                    ResourceMetadata.NONE))
            .getRoute();

    assertThat(action.getHostRewriteLiteral()).isEqualTo("internal");
    assertThat(action.getPrefixRewrite()).isEqualTo("/v2");
    assertThat(action.getTimeout()).isEqualTo(Duration.newBuilder().setSeconds(3720).build());
    assertThat(action.getRetryPolicy().getPerTryTimeout())
        .isEqualTo(Duration.newBuilder().setNanos(250_000_000).build());
    assertThat(action.getRequestMirrorPolicies(0).getCluster()).isEqualTo("m1");
    assertThat(
            action
                .getRequestMirrorPolicies(0)
                .getRuntimeFraction()
                .getDefaultValue()
                .getNumerator())
        .isEqualTo(100);
    assertThat(
            action
                .getRequestMirrorPolicies(0)
                .getRuntimeFraction()
                .getDefaultValue()
                .getDenominator())
        .isEqualTo(DenominatorType.HUNDRED);
    assertThat(
            action
                .getRequestMirrorPolicies(1)
                .getRuntimeFraction()
                .getDefaultValue()
                .getNumerator())
        .isEqualTo(125_000);
    assertThat(
            action
                .getRequestMirrorPolicies(1)
                .getRuntimeFraction()
                .getDefaultValue()
                .getDenominator())
        .isEqualTo(DenominatorType.MILLION);
  }

  @Test
  void
      retry_retriesItsCodesAndUnansweredAttempts_attemptsAsNumRetries_withBackoffAndPerTryTimeout() {
    RouteAction action =
        forward(
            new IrAction.Forward(
                "c",
                1,
                0,
                List.of(),
                null,
                null,
                null,
                null,
                "2s",
                new IrAction.Retry(3, List.of(500, 503), "100ms"),
                List.of()));

    RetryPolicy retry = action.getRetryPolicy();
    assertThat(retry.getRetryOn())
        .isEqualTo("retriable-status-codes,connect-failure,refused-stream,reset");
    assertThat(retry.getRetriableStatusCodesList()).containsExactly(500, 503);
    assertThat(retry.getNumRetries().getValue()).isEqualTo(3);
    assertThat(retry.getRetryBackOff().getBaseInterval())
        .isEqualTo(Duration.newBuilder().setNanos(100_000_000).build());
    assertThat(retry.getPerTryTimeout()).isEqualTo(Duration.newBuilder().setSeconds(2).build());
  }

  @Test
  void retryWithoutCodesAttemptsOrBackoff_retriesOnlyUnansweredAttempts_withEnvoyDefaults() {
    RouteAction action =
        forward(
            new IrAction.Forward(
                "c",
                1,
                0,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                new IrAction.Retry(null, List.of(), "0s"),
                List.of()));

    RetryPolicy retry = action.getRetryPolicy();
    assertThat(retry.getRetryOn()).isEqualTo("connect-failure,refused-stream,reset");
    assertThat(retry.hasNumRetries()).isFalse();
    assertThat(retry.hasRetryBackOff()).isFalse();
    assertThat(retry.hasPerTryTimeout()).isFalse();
  }

  @Test
  void zeroAttempts_areZeroRetries() {
    RouteAction action =
        forward(
            new IrAction.Forward(
                "c",
                1,
                0,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                new IrAction.Retry(0, List.of(500), null),
                List.of()));

    assertThat(action.getRetryPolicy().hasNumRetries()).isTrue();
    assertThat(action.getRetryPolicy().getNumRetries().getValue()).isZero();
  }

  @Test
  void splits_becomeWeightedClustersWithTheirOwnHeaderChanges_plusTheInvalidShare() {
    IrHeaderChanges v1 =
        new IrHeaderChanges(List.of(new Header("backend", "v1")), List.of(), List.of("x-drop"));
    IrHeaderChanges v2 =
        new IrHeaderChanges(List.of(), List.of(new Header("x-served-by", "v2")), List.of());
    RouteAction action =
        forward(
            new IrAction.Forward(
                "c",
                4,
                1,
                List.of(
                    new IrAction.Split("c/backend/0", 3, v1, null),
                    new IrAction.Split("c/backend/2", 1, null, v2)),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of()));

    List<ClusterWeight> clusters = action.getWeightedClusters().getClustersList();
    assertThat(clusters)
        .extracting(ClusterWeight::getName, w -> w.getWeight().getValue())
        .containsExactly(
            tuple("c/backend/0", 3), tuple("c/backend/2", 1), tuple("gatewire/invalid-backend", 1));
    assertThat(clusters.get(0).getRequestHeadersToAddList())
        .extracting(o -> o.getHeader().getKey(), HeaderValueOption::getAppendAction)
        .containsExactly(tuple("backend", HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD));
    assertThat(clusters.get(0).getRequestHeadersToRemoveList()).containsExactly("x-drop");
    assertThat(clusters.get(0).getResponseHeadersToAddList()).isEmpty();
    assertThat(clusters.get(1).getResponseHeadersToAddList())
        .extracting(o -> o.getHeader().getKey(), HeaderValueOption::getAppendAction)
        .containsExactly(tuple("x-served-by", HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD));
    assertThat(clusters.get(1).getRequestHeadersToAddList()).isEmpty();
    assertThat(action.getClusterNotFoundResponseCode())
        .isEqualTo(ClusterNotFoundResponseCode.INTERNAL_SERVER_ERROR);
  }

  @Test
  void splitsWithoutInvalidShare_needNoClusterNotFoundCode() {
    RouteAction action =
        forward(
            new IrAction.Forward(
                "c",
                2,
                0,
                List.of(
                    new IrAction.Split("c/backend/0", 1, null, null),
                    new IrAction.Split("c/backend/1", 1, null, null)),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of()));

    assertThat(action.getWeightedClusters().getClustersList())
        .extracting(ClusterWeight::getName)
        .containsExactly("c/backend/0", "c/backend/1");
    assertThat(action.getClusterNotFoundResponseCode())
        .isEqualTo(ClusterNotFoundResponseCode.SERVICE_UNAVAILABLE);
  }

  @Test
  void cors_becomesAnOptionalPerRouteCorsPolicy_withWildcardOriginsAsRegex() throws Exception {
    IrCors cors =
        new IrCors(
            List.of("https://www.foo.com", "https://*.bar.com", "*"),
            List.of("GET", "OPTIONS"),
            List.of("x-header-1", "x-header-2"),
            List.of("x-header-3"),
            true,
            3600);
    Route route =
        single(
            new IrRoute(
                "r",
                prefix("/"),
                IrAction.Forward.to("c"),
                null,
                null,
                cors,
                ResourceMetadata.NONE));

    FilterConfig wrapper =
        route.getTypedPerFilterConfigOrThrow("envoy.filters.http.cors").unpack(FilterConfig.class);
    assertThat(wrapper.getIsOptional()).isTrue();
    CorsPolicy policy = wrapper.getConfig().unpack(CorsPolicy.class);
    assertThat(policy.getAllowOriginStringMatch(0).getExact()).isEqualTo("https://www.foo.com");
    assertThat(policy.getAllowOriginStringMatch(1).getSafeRegex().getRegex())
        .isEqualTo("https://.*\\.bar\\.com");
    assertThat(policy.getAllowOriginStringMatch(2).getSafeRegex().getRegex()).isEqualTo(".*");
    assertThat(policy.getAllowMethods()).isEqualTo("GET, OPTIONS");
    assertThat(policy.getAllowHeaders()).isEqualTo("x-header-1, x-header-2");
    assertThat(policy.getExposeHeaders()).isEqualTo("x-header-3");
    assertThat(policy.getMaxAge()).isEqualTo("3600");
    assertThat(policy.getAllowCredentials().getValue()).isTrue();
    assertThat(policy.hasForwardNotMatchingPreflights()).isTrue();
    assertThat(policy.getForwardNotMatchingPreflights().getValue()).isFalse();
  }

  @Test
  void wildcardMethodsAndHeaders_stayTheSingleValueStar_whichEnvoyEchoes() {
    IrCors cors = new IrCors(List.of("*"), List.of("*"), List.of("*"), List.of(), true, 5);

    CorsPolicy policy = CorsPolicies.policy(cors);

    assertThat(policy.getAllowMethods()).isEqualTo("*");
    assertThat(policy.getAllowHeaders()).isEqualTo("*");
  }

  @Test
  void corsWithoutCredentials_leavesTheFlagUnset_andRoutesWithoutCorsHaveNoPolicy() {
    IrCors cors = new IrCors(List.of("*"), List.of("PUT"), List.of(), List.of(), false, 5);
    Route with =
        single(
            new IrRoute(
                "r",
                prefix("/"),
                IrAction.Forward.to("c"),
                null,
                null,
                cors,
                ResourceMetadata.NONE));
    Route without =
        single(route("r", prefix("/"), IrAction.Forward.to("c"), ResourceMetadata.NONE));

    assertThat(CorsPolicies.policy(cors).hasAllowCredentials()).isFalse();
    assertThat(with.getTypedPerFilterConfigMap()).containsOnlyKeys("envoy.filters.http.cors");
    assertThat(without.getTypedPerFilterConfigMap()).isEmpty();
  }

  @Test
  void zeroTimeout_disablesTheTimeout() {
    RouteAction action =
        forward(
            new IrAction.Forward(
                "c", 1, 0, List.of(), null, null, null, "0s", null, null, List.of()));

    assertThat(action.hasTimeout()).isTrue();
    assertThat(action.getTimeout()).isEqualTo(Duration.getDefaultInstance());
  }

  @Test
  void fullPathRewrite_replacesTheWholePathByRegex() {
    RouteAction action =
        forward(
            new IrAction.Forward(
                "c", 1, 0, List.of(), null, null, "/new", null, null, null, List.of()));

    assertThat(action.getRegexRewrite().getPattern().getRegex()).isEqualTo("^/.*$");
    assertThat(action.getRegexRewrite().getSubstitution()).isEqualTo("/new");
  }

  @Test
  void directResponse_answersWithTheStatus() {
    Route route =
        single(route("r", prefix("/"), new IrAction.DirectResponse(500), ResourceMetadata.NONE));

    assertThat(route.getDirectResponse().getStatus()).isEqualTo(500);
  }

  @Test
  void redirect_setsSchemeHostPortAndPath() {
    RedirectAction redirect =
        single(
                route(
                    "r",
                    prefix("/"),
                    new IrAction.Redirect("https", "example.com", 8443, "/login", null, 302),
                    ResourceMetadata.NONE))
            .getRedirect();

    assertThat(redirect.getSchemeRedirect()).isEqualTo("https");
    assertThat(redirect.getHostRedirect()).isEqualTo("example.com");
    assertThat(redirect.getPortRedirect()).isEqualTo(8443);
    assertThat(redirect.getPathRedirect()).isEqualTo("/login");
    assertThat(redirect.getResponseCode()).isEqualTo(RedirectResponseCode.FOUND);
  }

  @Test
  void redirectWithoutChanges_keepsTheRequestValues() {
    RedirectAction redirect =
        single(
                route(
                    "r",
                    prefix("/old"),
                    new IrAction.Redirect(null, null, null, null, "/new", 301),
                    ResourceMetadata.NONE))
            .getRedirect();

    assertThat(redirect.getSchemeRedirect()).isEmpty();
    assertThat(redirect.getHostRedirect()).isEmpty();
    assertThat(redirect.getPortRedirect()).isZero();
    assertThat(redirect.getPrefixRewrite()).isEqualTo("/new");
    assertThat(redirect.getResponseCode()).isEqualTo(RedirectResponseCode.MOVED_PERMANENTLY);
  }

  @Test
  void redirectStatuses_mapToEnvoyResponseCodes() {
    assertThat(List.of(301, 302, 303, 307, 308))
        .extracting(RouteActionMapper::responseCode)
        .containsExactly(
            RedirectResponseCode.MOVED_PERMANENTLY,
            RedirectResponseCode.FOUND,
            RedirectResponseCode.SEE_OTHER,
            RedirectResponseCode.TEMPORARY_REDIRECT,
            RedirectResponseCode.PERMANENT_REDIRECT);
    assertThatThrownBy(() -> RouteActionMapper.responseCode(200))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void headerModifiers_setOverwrites_addAppends_removeRemoves() {
    IrHeaderChanges request =
        new IrHeaderChanges(
            List.of(new Header("x-set", "1")),
            List.of(new Header("x-add", "2")),
            List.of("x-gone"));
    IrHeaderChanges response =
        new IrHeaderChanges(List.of(), List.of(new Header("x-resp", "3")), List.of("server"));
    Route route =
        single(
            new IrRoute(
                "r",
                prefix("/"),
                IrAction.Forward.to("c"),
                request,
                response,
                null,
                ResourceMetadata.NONE));

    assertThat(route.getRequestHeadersToAddList())
        .extracting(
            o -> o.getHeader().getKey(),
            o -> o.getHeader().getValue(),
            HeaderValueOption::getAppendAction)
        .containsExactly(
            tuple("x-set", "1", HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD),
            tuple("x-add", "2", HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD));
    assertThat(route.getRequestHeadersToRemoveList()).containsExactly("x-gone");
    assertThat(route.getResponseHeadersToAddList())
        .extracting(o -> o.getHeader().getKey())
        .containsExactly("x-resp");
    assertThat(route.getResponseHeadersToRemoveList()).containsExactly("server");
  }

  @Test
  void routesAndVirtualHosts_carryTheirOrigins() {
    IrRoute route = route("r", prefix("/"), IrAction.Forward.to("c"), IrFixtures.seedRoute());
    RouteConfiguration config =
        mapper.map(
            new IrRouteConfig(
                "rc",
                List.of(
                    new IrVirtualHost(
                        "vh",
                        List.of("*"),
                        List.of(route),
                        ResourceMetadata.of(IrFixtures.gatewayListener("ns", "gw", "http"))))));

    assertThat(config.getVirtualHosts(0).getMetadata().getFilterMetadataMap())
        .containsKey("envoy-gateway");
    assertThat(config.getVirtualHosts(0).getRoutes(0).getMetadata().getFilterMetadataMap())
        .containsKey("envoy-gateway");
  }

  private RouteMatch match(IrMatch match) {
    return single(route("r", match, IrAction.Forward.to("c"), ResourceMetadata.NONE)).getMatch();
  }

  private RouteAction forward(IrAction.Forward forward) {
    return single(route("r", prefix("/"), forward, ResourceMetadata.NONE)).getRoute();
  }

  private Route single(IrRoute route) {
    return mapper
        .map(
            new IrRouteConfig(
                "rc",
                List.of(
                    new IrVirtualHost("vh", List.of("*"), List.of(route), ResourceMetadata.NONE))))
        .getVirtualHosts(0)
        .getRoutes(0);
  }
}
