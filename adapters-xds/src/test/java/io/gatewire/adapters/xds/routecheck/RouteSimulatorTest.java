package io.gatewire.adapters.xds.routecheck;

import static io.gatewire.adapters.xds.routecheck.Protos.assignment;
import static io.gatewire.adapters.xds.routecheck.Protos.cluster;
import static io.gatewire.adapters.xds.routecheck.Protos.config;
import static io.gatewire.adapters.xds.routecheck.Protos.get;
import static io.gatewire.adapters.xds.routecheck.Protos.header;
import static io.gatewire.adapters.xds.routecheck.Protos.listener;
import static io.gatewire.adapters.xds.routecheck.Protos.locality;
import static io.gatewire.adapters.xds.routecheck.Protos.plainChain;
import static io.gatewire.adapters.xds.routecheck.Protos.prefix;
import static io.gatewire.adapters.xds.routecheck.Protos.route;
import static io.gatewire.adapters.xds.routecheck.Protos.tlsChain;
import static io.gatewire.adapters.xds.routecheck.Protos.vhost;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption.HeaderAppendAction;
import io.envoyproxy.envoy.config.core.v3.RuntimeFractionalPercent;
import io.envoyproxy.envoy.config.route.v3.DirectResponseAction;
import io.envoyproxy.envoy.config.route.v3.FilterConfig;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteAction.RequestMirrorPolicy;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatchAndSubstitute;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.envoyproxy.envoy.type.v3.FractionalPercent;
import io.gatewire.adapters.xds.routecheck.RouteOutcome.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The simulator on small hand-built Envoy resources, one Envoy behaviour per test. */
class RouteSimulatorTest {

  /**
   * One plain listener on port 80 with {@code routes} in one virtual host {@code *}, cluster {@code
   * c} -> Service {@code svc}.
   */
  private static RouteSimulator simulator(Route... routes) {
    return simulator(config("rc", vhost("any", List.of("*"), routes)));
  }

  private static RouteSimulator simulator(RouteConfiguration config) {
    return new RouteSimulator(
        Protos.resources(
            List.of(listener(80, plainChain(config.getName()))),
            List.of(config),
            List.of(cluster("c")),
            List.of(assignment("c", locality("svc", 1, true)))),
        Protos.NAMESPACE,
        EndpointKnowledge.ALL_DESCRIBED);
  }

  private static Answer only(RouteOutcome outcome) {
    assertThat(outcome.answers()).hasSize(1);
    return outcome.answers().get(0);
  }

  @Nested
  class VirtualHosts {
    private final RouteSimulator simulator =
        simulator(
            config(
                "rc",
                vhost(
                    "exact",
                    List.of("foo.example.com"),
                    route("r-exact", prefix("/"), "c").build()),
                vhost(
                    "suffix-short",
                    List.of("*.com"),
                    route("r-suffix-short", prefix("/"), "c").build()),
                vhost(
                    "suffix-long",
                    List.of("*.example.com"),
                    route("r-suffix-long", prefix("/"), "c").build()),
                vhost("prefix", List.of("api.*"), route("r-prefix", prefix("/"), "c").build()),
                vhost("any", List.of("*"), route("r-any", prefix("/"), "c").build())));

    @Test
    void exactBeatsWildcards_andThePortIsStripped() {
      assertThat(simulator.simulate(get(80, "foo.example.com:8080", "/")).virtualHost())
          .isEqualTo("exact");
      assertThat(simulator.simulate(get(80, "FOO.example.com", "/")).virtualHost())
          .isEqualTo("exact");
    }

    @Test
    void longestSuffixWildcardWins_andNeedsACharacterBeforeTheSuffix() {
      assertThat(simulator.simulate(get(80, "bar.example.com", "/")).virtualHost())
          .isEqualTo("suffix-long");
      assertThat(simulator.simulate(get(80, "a.b.example.com", "/")).virtualHost())
          .isEqualTo("suffix-long");
      assertThat(simulator.simulate(get(80, "example.com", "/")).virtualHost())
          .isEqualTo("suffix-short");
      assertThat(simulator.simulate(get(80, "other.org", "/")).virtualHost()).isEqualTo("any");
    }

    @Test
    void prefixWildcardComesAfterSuffixWildcards() {
      assertThat(simulator.simulate(get(80, "api.internal", "/")).virtualHost())
          .isEqualTo("prefix");
      assertThat(simulator.simulate(get(80, "api.example.com", "/")).virtualHost())
          .isEqualTo("suffix-long");
    }

    @Test
    void noVirtualHost_is404() {
      RouteSimulator strict =
          simulator(
              config(
                  "rc",
                  vhost(
                      "exact", List.of("foo.example.com"), route("r", prefix("/"), "c").build())));
      RouteOutcome outcome = strict.simulate(get(80, "bar.example.com", "/"));
      assertThat(only(outcome).status()).isEqualTo(404);
      assertThat(outcome.notes()).contains("no virtual host for bar.example.com");
    }

    @Test
    void unknownPort_refusesTheConnection() {
      assertThat(only(simulator.simulate(get(8080, "x", "/"))).status()).isZero();
    }
  }

  @Nested
  class FilterChainsBySni {
    private final RouteConfiguration exact =
        config("exact", vhost("e", List.of("*"), route("r-exact", prefix("/"), "c").build()));
    private final RouteConfiguration wildcard =
        config("wild", vhost("w", List.of("*"), route("r-wild", prefix("/"), "c").build()));
    private final RouteConfiguration fallback =
        config("fall", vhost("f", List.of("*"), route("r-fall", prefix("/"), "c").build()));
    private final RouteSimulator simulator =
        new RouteSimulator(
            Protos.resources(
                List.of(
                    listener(
                        443,
                        tlsChain("exact", "exact", "example.org"),
                        tlsChain("wild", "wild", "*.wildcard.org"),
                        tlsChain("fall", "fall"))),
                List.of(exact, wildcard, fallback),
                List.of(cluster("c")),
                List.of(assignment("c", locality("svc", 1, true)))),
            Protos.NAMESPACE,
            EndpointKnowledge.ALL_DESCRIBED);

    private RouteOutcome https(String sni) {
      return simulator.simulate(
          new RouteRequest(Protos.GATEWAY, 443, "https", sni, "any", "GET", "/", null, null));
    }

    @Test
    void exactServerName_thenWildcardAcrossLabels_thenTheChainWithoutNames() {
      assertThat(https("example.org").route()).isEqualTo("r-exact");
      assertThat(https("a.wildcard.org").route()).isEqualTo("r-wild");
      assertThat(https("a.b.wildcard.org").route()).isEqualTo("r-wild");
      assertThat(https("wildcard.org").route()).isEqualTo("r-fall");
      assertThat(https(null).route()).isEqualTo("r-fall");
    }

    @Test
    void longestWildcardWins_whateverTheChainOrder_andServerNamesIgnoreCase() {
      RouteConfiguration shorter =
          config("short", vhost("s", List.of("*"), route("r-short", prefix("/"), "c").build()));
      RouteConfiguration longer =
          config("long", vhost("l", List.of("*"), route("r-long", prefix("/"), "c").build()));
      RouteSimulator wildcards =
          new RouteSimulator(
              Protos.resources(
                  List.of(
                      listener(
                          443,
                          tlsChain("short", "short", "*.example.org"),
                          tlsChain("long", "long", "*.b.example.org"))),
                  List.of(shorter, longer),
                  List.of(cluster("c")),
                  List.of(assignment("c", locality("svc", 1, true)))),
              Protos.NAMESPACE,
              EndpointKnowledge.ALL_DESCRIBED);

      assertThat(
              wildcards
                  .simulate(
                      new RouteRequest(
                          Protos.GATEWAY,
                          443,
                          "https",
                          "x.A.b.example.org",
                          "h",
                          "GET",
                          "/",
                          null,
                          null))
                  .route())
          .isEqualTo("r-long");
      assertThat(
              wildcards
                  .simulate(
                      new RouteRequest(
                          Protos.GATEWAY,
                          443,
                          "https",
                          "x.c.example.org",
                          "h",
                          "GET",
                          "/",
                          null,
                          null))
                  .route())
          .isEqualTo("r-short");
      RouteOutcome none =
          wildcards.simulate(
              new RouteRequest(
                  Protos.GATEWAY, 443, "https", "example.org", "h", "GET", "/", null, null));
      assertThat(only(none).status()).isZero();
      assertThat(none.filterChain()).isNull();
    }

    @Test
    void theSniChainsRouteConfiguration_decidesTheHost_soAnotherListenersHostCanGet421() {
      RouteConfiguration misdirected =
          config(
              "exact",
              vhost("e", List.of("example.org"), route("r-exact", prefix("/"), "c").build()),
              vhost(
                  "other",
                  List.of("*.wildcard.org"),
                  Route.newBuilder()
                      .setName("r-421")
                      .setMatch(prefix("/"))
                      .setDirectResponse(DirectResponseAction.newBuilder().setStatus(421))
                      .build()));
      RouteSimulator simulator =
          new RouteSimulator(
              Protos.resources(
                  List.of(
                      listener(
                          443,
                          tlsChain("exact", "exact", "example.org"),
                          tlsChain("wild", "wild", "*.wildcard.org"))),
                  List.of(misdirected, wildcard),
                  List.of(cluster("c")),
                  List.of(assignment("c", locality("svc", 1, true)))),
              Protos.NAMESPACE,
              EndpointKnowledge.ALL_DESCRIBED);

      RouteOutcome outcome =
          simulator.simulate(
              new RouteRequest(
                  Protos.GATEWAY,
                  443,
                  "https",
                  "example.org",
                  "a.wildcard.org",
                  "GET",
                  "/",
                  null,
                  null));

      assertThat(outcome.filterChain()).isEqualTo("exact");
      assertThat(only(outcome).status()).isEqualTo(421);
    }

    @Test
    void plainHttpOnATlsOnlyListener_isClosed() {
      assertThat(only(simulator.simulate(get(443, "any", "/"))).status()).isZero();
    }
  }

  @Nested
  class Matching {
    @Test
    void pathSeparatedPrefix_matchesWholeSegmentsOnly() {
      RouteSimulator simulator =
          simulator(
              route("seg", RouteMatch.newBuilder().setPathSeparatedPrefix("/foo"), "c").build());
      assertThat(simulator.simulate(get(80, "h", "/foo")).route()).isEqualTo("seg");
      assertThat(simulator.simulate(get(80, "h", "/foo/")).route()).isEqualTo("seg");
      assertThat(simulator.simulate(get(80, "h", "/foo/bar")).route()).isEqualTo("seg");
      assertThat(simulator.simulate(get(80, "h", "/foo?x=1")).route()).isEqualTo("seg");
      assertThat(simulator.simulate(get(80, "h", "/foobar")).route()).isNull();
      assertThat(only(simulator.simulate(get(80, "h", "/foobar"))).status()).isEqualTo(404);
    }

    @Test
    void exactPath_ignoresTheQuery_andRegexMustMatchTheWholePath() {
      RouteSimulator simulator =
          simulator(
              route("exact", RouteMatch.newBuilder().setPath("/one"), "c").build(),
              route(
                      "regex",
                      RouteMatch.newBuilder()
                          .setSafeRegex(RegexMatcher.newBuilder().setRegex("/v[0-9]+")),
                      "c")
                  .build());
      assertThat(simulator.simulate(get(80, "h", "/one?a=b")).route()).isEqualTo("exact");
      assertThat(simulator.simulate(get(80, "h", "/one/")).route()).isNull();
      assertThat(simulator.simulate(get(80, "h", "/v12")).route()).isEqualTo("regex");
      assertThat(simulator.simulate(get(80, "h", "/v12/x")).route()).isNull();
    }

    @Test
    void firstMatchingRouteWins() {
      RouteSimulator simulator =
          simulator(
              route("first", prefix("/"), "c").build(), route("second", prefix("/a"), "c").build());
      assertThat(simulator.simulate(get(80, "h", "/a")).route()).isEqualTo("first");
    }

    @Test
    void headerMatchers_exactRegexPresentInvert_andRepeatedValuesJoined() {
      RouteSimulator simulator =
          simulator(
              route(
                      "exact",
                      prefix("/")
                          .addHeaders(
                              HeaderMatcher.newBuilder()
                                  .setName("version")
                                  .setStringMatch(StringMatcher.newBuilder().setExact("one,two"))),
                      "c")
                  .build(),
              route(
                      "regex",
                      prefix("/")
                          .addHeaders(
                              HeaderMatcher.newBuilder()
                                  .setName("version")
                                  .setStringMatch(
                                      StringMatcher.newBuilder()
                                          .setSafeRegex(
                                              RegexMatcher.newBuilder().setRegex("v[0-9]")))),
                      "c")
                  .build(),
              route(
                      "inverted",
                      prefix("/")
                          .addHeaders(
                              HeaderMatcher.newBuilder()
                                  .setName("color")
                                  .setStringMatch(StringMatcher.newBuilder().setExact("red"))
                                  .setInvertMatch(true)),
                      "c")
                  .build(),
              route(
                      "present",
                      prefix("/")
                          .addHeaders(
                              HeaderMatcher.newBuilder().setName("color").setPresentMatch(true)),
                      "c")
                  .build());
      assertThat(simulator.simulate(headers(Map.of("Version", List.of("one", "two")))).route())
          .isEqualTo("exact");
      assertThat(simulator.simulate(headers(Map.of("version", List.of("v2")))).route())
          .isEqualTo("regex");
      assertThat(simulator.simulate(headers(Map.of("version", List.of("v22")))).route()).isNull();
      assertThat(simulator.simulate(headers(Map.of("color", List.of("blue")))).route())
          .isEqualTo("inverted");
      assertThat(simulator.simulate(headers(Map.of("color", List.of("red")))).route())
          .isEqualTo("present");
      assertThat(simulator.simulate(headers(Map.of())).route())
          .as("a missing header never matches, even inverted")
          .isNull();
    }

    @Test
    void methodIsThePseudoHeader_andQueryParametersMatchTheFirstDecodedValue() {
      RouteSimulator simulator =
          simulator(
              route(
                      "post",
                      prefix("/")
                          .addHeaders(
                              HeaderMatcher.newBuilder()
                                  .setName(":method")
                                  .setStringMatch(StringMatcher.newBuilder().setExact("POST"))),
                      "c")
                  .build(),
              route(
                      "query",
                      prefix("/")
                          .addQueryParameters(
                              QueryParameterMatcher.newBuilder()
                                  .setName("animal")
                                  .setStringMatch(
                                      StringMatcher.newBuilder().setExact("white whale"))),
                      "c")
                  .build());
      assertThat(
              simulator
                  .simulate(
                      new RouteRequest(
                          Protos.GATEWAY, 80, "http", null, "h", "POST", "/", null, null))
                  .route())
          .isEqualTo("post");
      assertThat(simulator.simulate(get(80, "h", "/?animal=white%20whale&animal=dolphin")).route())
          .isEqualTo("query");
      assertThat(simulator.simulate(get(80, "h", "/?animal=dolphin&animal=white%20whale")).route())
          .isNull();
    }

    private RouteRequest headers(Map<String, List<String>> headers) {
      return new RouteRequest(Protos.GATEWAY, 80, "http", null, "h", "GET", "/", headers, null);
    }
  }

  @Nested
  class Redirects {
    private Answer redirect(
        RedirectAction.Builder redirect,
        RouteMatch.Builder match,
        String scheme,
        String host,
        String path) {
      RouteSimulator simulator =
          simulator(Route.newBuilder().setName("r").setMatch(match).setRedirect(redirect).build());
      int port = 80;
      return only(
          simulator.simulate(
              new RouteRequest(Protos.GATEWAY, port, scheme, null, host, "GET", path, null, null)));
    }

    @Test
    void schemeChange_dropsTheOldSchemesDefaultPort_butKeepsOthers() {
      RedirectAction.Builder https = RedirectAction.newBuilder().setSchemeRedirect("https");
      assertThat(redirect(https, prefix("/"), "http", "example.org:80", "/a?b=c").location())
          .isEqualTo("https://example.org/a?b=c");
      assertThat(redirect(https, prefix("/"), "http", "example.org:8080", "/a").location())
          .isEqualTo("https://example.org:8080/a");
      assertThat(redirect(https, prefix("/"), "http", "example.org", "/a").status())
          .as("Envoy's default code")
          .isEqualTo(301);
    }

    @Test
    void portRedirect_replacesThePort_andHostRedirectReplacesHostAndPort() {
      assertThat(
              redirect(
                      RedirectAction.newBuilder().setPortRedirect(8443),
                      prefix("/"),
                      "http",
                      "example.org:8080",
                      "/a")
                  .location())
          .isEqualTo("http://example.org:8443/a");
      assertThat(
              redirect(
                      RedirectAction.newBuilder().setHostRedirect("other.org"),
                      prefix("/"),
                      "http",
                      "example.org:8080",
                      "/a")
                  .location())
          .isEqualTo("http://other.org/a");
    }

    @Test
    void pathRedirect_keepsTheQuery_prefixRewriteReplacesTheMatchedPrefix_andTheCodeMaps() {
      Answer full =
          redirect(
              RedirectAction.newBuilder()
                  .setPathRedirect("/new")
                  .setResponseCode(RedirectAction.RedirectResponseCode.MOVED_PERMANENTLY),
              prefix("/"),
              "http",
              "h",
              "/old?x=1");
      assertThat(full.location()).isEqualTo("http://h/new?x=1");
      assertThat(full.status()).isEqualTo(301);
      assertThat(
              redirect(
                      RedirectAction.newBuilder().setPrefixRewrite("/v2"),
                      RouteMatch.newBuilder().setPathSeparatedPrefix("/v1"),
                      "http",
                      "h",
                      "/v1/items")
                  .location())
          .isEqualTo("http://h/v2/items");
    }
  }

  @Nested
  class Backends {
    @Test
    void weightedClusterWithInvalidShare_answers500ForThatShare_andLocalityWeightsSplitTheRest() {
      Route route =
          Route.newBuilder()
              .setName("r")
              .setMatch(prefix("/"))
              .setRoute(
                  RouteAction.newBuilder()
                      .setWeightedClusters(
                          WeightedCluster.newBuilder()
                              .addClusters(
                                  WeightedCluster.ClusterWeight.newBuilder()
                                      .setName("c")
                                      .setWeight(UInt32Value.of(3)))
                              .addClusters(
                                  WeightedCluster.ClusterWeight.newBuilder()
                                      .setName("gatewire/invalid-backend")
                                      .setWeight(UInt32Value.of(1))))
                      .setClusterNotFoundResponseCode(
                          RouteAction.ClusterNotFoundResponseCode.INTERNAL_SERVER_ERROR))
              .build();
      RouteConfiguration config = config("rc", vhost("any", List.of("*"), route));
      RouteSimulator simulator =
          new RouteSimulator(
              Protos.resources(
                  List.of(listener(80, plainChain("rc"))),
                  List.of(config),
                  List.of(cluster("c")),
                  List.of(assignment("c", locality("v1", 2, true), locality("v2", 1, true)))),
              Protos.NAMESPACE,
              EndpointKnowledge.ALL_DESCRIBED);

      List<Answer> answers = simulator.simulate(get(80, "h", "/")).answers();

      assertThat(answers)
          .extracting(a -> a.backend() == null ? "none" : a.backend().name(), Answer::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("v1", 200),
              org.assertj.core.groups.Tuple.tuple("v2", 200),
              org.assertj.core.groups.Tuple.tuple("none", 500));
      assertThat(answers).extracting(Answer::share).containsExactly(0.5, 0.25, 0.25);
      assertThat(answers.get(0).backend().toString()).isEqualTo("ns/v1:8080");
    }

    @Test
    void emptyLocality_isUnreadyWhenTheInputDescribesEndpoints_andAssumedReadyOtherwise() {
      RouteConfiguration config =
          config("rc", vhost("any", List.of("*"), route("r", prefix("/"), "c").build()));
      var resources =
          Protos.resources(
              List.of(listener(80, plainChain("rc"))),
              List.of(config),
              List.of(cluster("c")),
              List.of(assignment("c", locality("svc", 1, false))));

      Answer described =
          only(
              new RouteSimulator(resources, Protos.NAMESPACE, EndpointKnowledge.ALL_DESCRIBED)
                  .simulate(get(80, "h", "/")));
      RouteOutcome assumed =
          new RouteSimulator(resources, Protos.NAMESPACE, (kind, ns, name) -> false)
              .simulate(get(80, "h", "/"));

      assertThat(described.status()).isEqualTo(503);
      assertThat(only(assumed).status()).isEqualTo(200);
      assertThat(only(assumed).backend().assumedReady()).isTrue();
      assertThat(assumed.notes()).anyMatch(n -> n.contains("assumed ready"));
    }

    @Test
    void unknownCluster_is503_directResponseAnswersItsStatus() {
      RouteSimulator simulator =
          simulator(
              route("missing", RouteMatch.newBuilder().setPath("/missing"), "nope").build(),
              Route.newBuilder()
                  .setName("direct")
                  .setMatch(prefix("/"))
                  .setDirectResponse(DirectResponseAction.newBuilder().setStatus(500))
                  .build());
      assertThat(only(simulator.simulate(get(80, "h", "/missing"))).status()).isEqualTo(503);
      assertThat(only(simulator.simulate(get(80, "h", "/x"))).status()).isEqualTo(500);
    }

    @Test
    void mirrors_nameTheirServicesAndPercentage() {
      RouteSimulator simulator =
          simulator(
              route("r", prefix("/"), "c")
                  .setRoute(
                      RouteAction.newBuilder()
                          .setCluster("c")
                          .addRequestMirrorPolicies(
                              RequestMirrorPolicy.newBuilder()
                                  .setCluster("c")
                                  .setRuntimeFraction(
                                      RuntimeFractionalPercent.newBuilder()
                                          .setDefaultValue(
                                              FractionalPercent.newBuilder()
                                                  .setNumerator(125_000)
                                                  .setDenominator(
                                                      FractionalPercent.DenominatorType.MILLION)))))
                  .build());
      RouteOutcome outcome = simulator.simulate(get(80, "h", "/"));
      assertThat(outcome.mirrors())
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.percent()).isEqualTo(12.5);
                assertThat(m.backends())
                    .extracting(RouteOutcome.Backend::name)
                    .containsExactly("svc");
              });
    }
  }

  @Nested
  class RewritesAndHeaders {
    @Test
    void headerChanges_appendOverwriteAddIfAbsentRemove_weightedClusterLevelFirst() {
      Route route =
          Route.newBuilder()
              .setName("r")
              .setMatch(prefix("/"))
              .setRoute(
                  RouteAction.newBuilder()
                      .setWeightedClusters(
                          WeightedCluster.newBuilder()
                              .addClusters(
                                  WeightedCluster.ClusterWeight.newBuilder()
                                      .setName("c")
                                      .setWeight(UInt32Value.of(1))
                                      .addRequestHeadersToAdd(
                                          header(
                                              "x-level",
                                              "cluster",
                                              HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD)))))
              .addRequestHeadersToAdd(
                  header("x-add", "two", HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD))
              .addRequestHeadersToAdd(
                  header("x-set", "new", HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD))
              .addRequestHeadersToAdd(
                  header("x-absent", "ignored", HeaderAppendAction.ADD_IF_ABSENT))
              .addRequestHeadersToAdd(
                  header("x-level", "route", HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD))
              .addRequestHeadersToRemove("x-remove")
              .addResponseHeadersToAdd(
                  header("x-resp", "set", HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD))
              .addResponseHeadersToRemove("x-drop")
              .build();
      RouteSimulator simulator = simulator(route);
      RouteRequest request =
          new RouteRequest(
              Protos.GATEWAY,
              80,
              "http",
              null,
              "h",
              "GET",
              "/",
              Map.of(
                  "X-Add",
                  List.of("one"),
                  "X-Set",
                  List.of("old"),
                  "X-Absent",
                  List.of("kept"),
                  "X-Remove",
                  List.of("gone")),
              Map.of("X-Resp", "backend", "X-Drop", "d", "X-Other", "o"));

      Answer answer = only(simulator.simulate(request));

      Map<String, List<String>> got = answer.received().headers();
      assertThat(got)
          .containsEntry("x-add", List.of("one", "two"))
          .containsEntry("x-set", List.of("new"))
          .containsEntry("x-absent", List.of("kept"))
          .containsEntry("x-level", List.of("cluster", "route"))
          .doesNotContainKey("x-remove");
      assertThat(answer.responseHeaders())
          .containsEntry("x-resp", List.of("set"))
          .containsEntry("x-other", List.of("o"))
          .doesNotContainKey("x-drop");
    }

    @Test
    void prefixRegexAndHostRewrites_keepTheQuery() {
      RouteSimulator simulator =
          simulator(
              route("prefix", RouteMatch.newBuilder().setPathSeparatedPrefix("/old"), "c")
                  .setRoute(
                      RouteAction.newBuilder()
                          .setCluster("c")
                          .setPrefixRewrite("/new")
                          .setHostRewriteLiteral("backend.internal"))
                  .build(),
              route("regex", prefix("/"), "c")
                  .setRoute(
                      RouteAction.newBuilder()
                          .setCluster("c")
                          .setRegexRewrite(
                              RegexMatchAndSubstitute.newBuilder()
                                  .setPattern(
                                      RegexMatcher.newBuilder().setRegex("^/(\\w+)/(\\w+)$"))
                                  .setSubstitution("/\\2/\\1")))
                  .build());
      RouteOutcome.ReceivedRequest prefixed =
          only(simulator.simulate(get(80, "h", "/old/x?q=1"))).received();
      assertThat(prefixed.path()).isEqualTo("/new/x?q=1");
      assertThat(prefixed.host()).isEqualTo("backend.internal");
      assertThat(only(simulator.simulate(get(80, "h", "/a/b?z"))).received().path())
          .isEqualTo("/b/a?z");
    }
  }

  @Nested
  class RetriesAndTimeouts {
    private RouteSimulator with(RouteAction.Builder action) {
      return simulator(
          Route.newBuilder()
              .setName("r")
              .setMatch(prefix("/"))
              .setRoute(action.setCluster("c"))
              .build());
    }

    private Answer send(RouteSimulator simulator, String query) {
      return only(simulator.simulate(get(80, "h", "/x?" + query)));
    }

    @Test
    void retriesOn5xx_upToNumRetries() {
      RouteSimulator simulator =
          with(
              RouteAction.newBuilder()
                  .setRetryPolicy(
                      RetryPolicy.newBuilder().setRetryOn("5xx").setNumRetries(UInt32Value.of(2))));
      Answer recovered = send(simulator, "responseCode=500&succeedAfter=2");
      assertThat(recovered.status()).isEqualTo(200);
      assertThat(recovered.attempts()).isEqualTo(3);
      assertThat(send(simulator, "responseCode=500&succeedAfter=3").status()).isEqualTo(500);
    }

    @Test
    void retriableStatusCodes_retryOnlyThoseCodes_andNoRetryOnMeansNoRetry() {
      RouteSimulator codes =
          with(
              RouteAction.newBuilder()
                  .setRetryPolicy(
                      RetryPolicy.newBuilder()
                          .setRetryOn("retriable-status-codes")
                          .addRetriableStatusCodes(500)
                          .setNumRetries(UInt32Value.of(3))));
      assertThat(send(codes, "responseCode=500&succeedAfter=1").status()).isEqualTo(200);
      assertThat(send(codes, "responseCode=503&succeedAfter=1").status()).isEqualTo(503);
      RouteSimulator none = with(RouteAction.newBuilder());
      assertThat(send(none, "responseCode=500&succeedAfter=1").status()).isEqualTo(500);
    }

    @Test
    void timeouts_perTryAndRoute_zeroDisables_defaultIs15s() {
      assertThat(
              send(
                      with(
                          RouteAction.newBuilder()
                              .setRetryPolicy(
                                  RetryPolicy.newBuilder()
                                      .setPerTryTimeout(
                                          com.google.protobuf.Duration.newBuilder()
                                              .setNanos(500_000_000)))),
                      "delay=1s")
                  .status())
          .isEqualTo(504);
      assertThat(
              send(
                      with(
                          RouteAction.newBuilder()
                              .setTimeout(
                                  com.google.protobuf.Duration.newBuilder().setNanos(500_000_000))),
                      "delay=1s")
                  .status())
          .isEqualTo(504);
      assertThat(
              send(
                      with(
                          RouteAction.newBuilder()
                              .setTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(0))),
                      "delay=20s")
                  .status())
          .isEqualTo(200);
      assertThat(send(with(RouteAction.newBuilder()), "delay=20s").status()).isEqualTo(504);
      assertThat(send(with(RouteAction.newBuilder()), "delay=500ms").status()).isEqualTo(200);
    }
  }

  @Nested
  class CorsFilterModel {
    private final CorsPolicy policy =
        CorsPolicy.newBuilder()
            .addAllowOriginStringMatch(StringMatcher.newBuilder().setExact("https://www.foo.com"))
            .addAllowOriginStringMatch(
                StringMatcher.newBuilder().setSuffix(".BAR.com").setIgnoreCase(true))
            .setAllowMethods("GET, OPTIONS")
            .setAllowHeaders("x-a, x-b")
            .setExposeHeaders("x-c")
            .setMaxAge("3600")
            .setAllowCredentials(BoolValue.of(true))
            .build();

    private Route corsRoute(String name, String path, Any perFilter) {
      return route(name, prefix(path), "c")
          .putTypedPerFilterConfig(Protos.CORS_FILTER, perFilter)
          .build();
    }

    private Any wrapped(CorsPolicy p) {
      return Any.pack(FilterConfig.newBuilder().setConfig(Any.pack(p)).setIsOptional(true).build());
    }

    private RouteOutcome send(
        RouteSimulator simulator, String method, String path, Map<String, String> headers) {
      Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
      headers.forEach((k, v) -> multi.put(k, List.of(v)));
      return simulator.simulate(
          new RouteRequest(Protos.GATEWAY, 80, "http", null, "x", method, path, multi, null));
    }

    private Map<String, String> preflight(String origin, String method) {
      return Map.of(
          "Origin",
          origin,
          "Access-Control-Request-Method",
          method,
          "Access-Control-Request-Headers",
          "x-a");
    }

    @Test
    void
        preflightFromAnAllowedOrigin_isAnsweredByTheFilter_withEveryHeaderIncludingExposeHeaders() {
      RouteSimulator simulator = simulator(corsRoute("r", "/", wrapped(policy)));

      Answer answer =
          only(send(simulator, "OPTIONS", "/", preflight("https://www.foo.com", "GET")));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.received()).isNull();
      assertThat(answer.responseHeaders())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "access-control-allow-origin", List.of("https://www.foo.com"),
                  "access-control-allow-credentials", List.of("true"),
                  "access-control-allow-methods", List.of("GET, OPTIONS"),
                  "access-control-allow-headers", List.of("x-a, x-b"),
                  "access-control-max-age", List.of("3600"),
                  "access-control-expose-headers", List.of("x-c")));
    }

    @Test
    void originMatchers_suffixIgnoringCase_andAMatcherThatMatchesStarAllowsEveryOrigin() {
      RouteSimulator simulator = simulator(corsRoute("r", "/", wrapped(policy)));
      assertThat(
              only(send(simulator, "GET", "/", Map.of("Origin", "https://a.b.bar.COM")))
                  .responseHeaders())
          .containsEntry("access-control-allow-origin", List.of("https://a.b.bar.COM"));
      assertThat(
              only(send(simulator, "GET", "/", Map.of("Origin", "https://bar.org")))
                  .responseHeaders())
          .doesNotContainKey("access-control-allow-origin");

      CorsPolicy any =
          CorsPolicy.newBuilder()
              .addAllowOriginStringMatch(
                  StringMatcher.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex(".*")))
              .build();
      assertThat(
              only(send(
                      simulator(corsRoute("r", "/", wrapped(any))),
                      "GET",
                      "/",
                      Map.of("Origin", "http://x:1")))
                  .responseHeaders())
          .containsEntry("access-control-allow-origin", List.of("http://x:1"));
    }

    @Test
    void starMethodsAndHeaders_echoWhatThePreflightAsks_andCredentialsOnlyWhenAllowed() {
      CorsPolicy star =
          CorsPolicy.newBuilder()
              .addAllowOriginStringMatch(StringMatcher.newBuilder().setExact("https://www.foo.com"))
              .setAllowMethods("*")
              .setAllowHeaders("*")
              .build();

      Answer answer =
          only(
              send(
                  simulator(corsRoute("r", "/", wrapped(star))),
                  "OPTIONS",
                  "/",
                  preflight("https://www.foo.com", "PUT")));

      assertThat(answer.responseHeaders())
          .containsEntry("access-control-allow-methods", List.of("PUT"))
          .containsEntry("access-control-allow-headers", List.of("x-a"))
          .doesNotContainKeys("access-control-allow-credentials", "access-control-max-age");
    }

    @Test
    void preflightFromAnotherOrigin_goesToTheBackendByDefault_orIsAnsweredWithoutAllowOrigin() {
      Answer forwarded =
          only(
              send(
                  simulator(corsRoute("r", "/", wrapped(policy))),
                  "OPTIONS",
                  "/",
                  preflight("https://evil.com", "GET")));
      assertThat(forwarded.received().method()).isEqualTo("OPTIONS");
      assertThat(forwarded.responseHeaders()).doesNotContainKey("access-control-allow-origin");

      CorsPolicy answering =
          policy.toBuilder().setForwardNotMatchingPreflights(BoolValue.of(false)).build();
      Answer answered =
          only(
              send(
                  simulator(corsRoute("r", "/", wrapped(answering))),
                  "OPTIONS",
                  "/",
                  preflight("https://evil.com", "GET")));
      assertThat(answered.received()).isNull();
      assertThat(answered.status()).isEqualTo(200);
      assertThat(answered.responseHeaders())
          .doesNotContainKeys("access-control-allow-origin", "access-control-expose-headers")
          .containsEntry("access-control-allow-methods", List.of("GET, OPTIONS"));
    }

    @Test
    void notAPreflight_goesToTheBackend_andItsResponseGetsTheHeaders_butOnlyWithAnOrigin() {
      RouteSimulator simulator = simulator(corsRoute("r", "/", wrapped(policy)));

      Answer simple = only(send(simulator, "GET", "/", Map.of("Origin", "https://www.foo.com")));
      Answer optionsWithoutRequestMethod =
          only(send(simulator, "OPTIONS", "/", Map.of("Origin", "https://www.foo.com")));
      Answer noOrigin =
          only(send(simulator, "OPTIONS", "/", Map.of("Access-Control-Request-Method", "GET")));

      assertThat(simple.received()).isNotNull();
      assertThat(simple.responseHeaders())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "access-control-allow-origin", List.of("https://www.foo.com"),
                  "access-control-allow-credentials", List.of("true"),
                  "access-control-expose-headers", List.of("x-c")));
      assertThat(optionsWithoutRequestMethod.received().method()).isEqualTo("OPTIONS");
      assertThat(noOrigin.received()).isNotNull();
      assertThat(noOrigin.responseHeaders()).isEmpty();
    }

    @Test
    void fieldsComeFromTheMostSpecificPolicyThatSetsThem_virtualHostThenRoute() {
      CorsPolicy vhostPolicy =
          CorsPolicy.newBuilder()
              .addAllowOriginStringMatch(StringMatcher.newBuilder().setPrefix("https://"))
              .setAllowMethods("GET")
              .build();
      CorsPolicy routePolicy = CorsPolicy.newBuilder().setAllowMethods("POST").build();
      RouteConfiguration config =
          config(
              "rc",
              vhost("any", List.of("*"), corsRoute("r", "/", Any.pack(routePolicy))).toBuilder()
                  .putTypedPerFilterConfig(Protos.CORS_FILTER, wrapped(vhostPolicy))
                  .build());

      Answer answer = only(send(simulator(config), "OPTIONS", "/", preflight("https://a", "GET")));

      assertThat(answer.responseHeaders())
          .containsEntry("access-control-allow-origin", List.of("https://a"))
          .containsEntry("access-control-allow-methods", List.of("POST"));
    }

    @Test
    void disabledFilterConfig_disabledPolicy_redirectRoute_leaveTheRequestAlone() {
      Any disabled = Any.pack(FilterConfig.newBuilder().setDisabled(true).build());
      CorsPolicy off =
          policy.toBuilder()
              .setFilterEnabled(
                  RuntimeFractionalPercent.newBuilder()
                      .setDefaultValue(FractionalPercent.newBuilder().setNumerator(0)))
              .build();
      Route redirect =
          Route.newBuilder()
              .setName("r")
              .setMatch(prefix("/"))
              .setRedirect(RedirectAction.newBuilder().setHostRedirect("y"))
              .putTypedPerFilterConfig(Protos.CORS_FILTER, wrapped(policy))
              .build();

      for (RouteSimulator simulator :
          List.of(
              simulator(corsRoute("r", "/", disabled)),
              simulator(corsRoute("r", "/", wrapped(off))),
              simulator(redirect))) {
        Answer answer =
            only(send(simulator, "OPTIONS", "/", preflight("https://www.foo.com", "GET")));
        assertThat(answer.received() != null || answer.status() == 301)
            .as("forwarded or redirected")
            .isTrue();
        assertThat(answer.responseHeaders()).doesNotContainKey("access-control-allow-origin");
      }
    }
  }
}
