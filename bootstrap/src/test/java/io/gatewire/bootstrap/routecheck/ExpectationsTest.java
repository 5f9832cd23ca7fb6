package io.gatewire.bootstrap.routecheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.adapters.xds.routecheck.RouteOutcome;
import io.gatewire.adapters.xds.routecheck.RouteOutcome.Answer;
import io.gatewire.adapters.xds.routecheck.RouteOutcome.Backend;
import io.gatewire.adapters.xds.routecheck.RouteOutcome.ReceivedRequest;
import io.gatewire.adapters.xds.routecheck.RouteRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness's reading of a case (README of the conformance data), one rule per test. */
class ExpectationsTest {
  private static final Backend V1 =
      new Backend("Service", "infra", "infra-backend-v1", "8080", false);
  private static final Backend V2 =
      new Backend("Service", "infra", "infra-backend-v2", "8080", false);

  private static CaseFile.Case kase(
      CaseFile.Request request,
      CaseFile.ExpectedRequest expectedRequest,
      CaseFile.Response response,
      CaseFile.Redirect redirect,
      String backend,
      String namespace,
      List<CaseFile.MirrorTarget> mirrors,
      Map<String, Double> weights) {
    return new CaseFile.Case(
        "t",
        null,
        null,
        null,
        request,
        expectedRequest,
        null,
        response,
        redirect,
        backend,
        namespace,
        mirrors,
        false,
        weights,
        null);
  }

  private static CaseFile.Request get(String path, Map<String, String> headers) {
    return new CaseFile.Request(null, null, path, headers, false, null);
  }

  private static CaseRequests.Prepared prepared(String scheme, String path, String expectedPath) {
    return new CaseRequests.Prepared(
        new RouteRequest("infra/gw", 80, scheme, null, "h", "GET", path, null, null),
        path,
        expectedPath);
  }

  private static RouteOutcome outcome(Answer... answers) {
    return new RouteOutcome(
        "l", null, "vh", "r", "c", List.of(answers), List.of(), null, null, List.of());
  }

  private static Answer backendAnswer(
      double share,
      Backend backend,
      int status,
      ReceivedRequest received,
      Map<String, List<String>> responseHeaders) {
    return new Answer(share, "c", backend, status, null, received, responseHeaders, 1);
  }

  private static Answer redirect(String location) {
    return new Answer(1, null, null, 302, location, null, Map.of(), 0);
  }

  @Test
  void statusDefaultsTo200_andEveryPossibleAnswerMustPass() {
    CaseFile.Case c = kase(get("/", null), null, null, null, null, null, null, null);
    ReceivedRequest seen = new ReceivedRequest("GET", "h", "/", Map.of());
    assertThat(
            Expectations.failures(
                c,
                prepared("http", "/", null),
                outcome(
                    backendAnswer(0.5, V1, 200, seen, Map.of()),
                    new Answer(
                        0.5, "gatewire/invalid-backend", null, 500, null, null, Map.of(), 0))))
        .containsExactly("status 500 (share 0.5 cluster gatewire/invalid-backend), expected 200");
  }

  @Test
  void backendAndRequestAreCheckedOnlyOn200Or204() {
    CaseFile.Case c =
        kase(
            get("/", null),
            null,
            new CaseFile.Response(503, null, null, null, null, false),
            null,
            "infra-backend-v1",
            "infra",
            null,
            null);
    assertThat(
            Expectations.failures(
                c,
                prepared("http", "/", null),
                outcome(new Answer(1, "c", null, 503, null, null, Map.of(), 0))))
        .isEmpty();
  }

  @Test
  void withoutExpectedRequest_theBackendMustSeeTheRequestAsSent_headersCaseInsensitiveAndJoined() {
    CaseFile.Case c =
        kase(
            get("/a?x=1", Map.of("X-Multi", "a,b")),
            null,
            null,
            null,
            "infra-backend-v1",
            null,
            null,
            null);
    ReceivedRequest ok =
        new ReceivedRequest("GET", "h", "/a?x=1", Map.of("x-multi", List.of("a", "b")));
    ReceivedRequest rewritten =
        new ReceivedRequest("GET", "h", "/b?x=1", Map.of("x-multi", List.of("a")));
    assertThat(
            Expectations.failures(
                c,
                prepared("http", "/a?x=1", null),
                outcome(backendAnswer(1, V1, 200, ok, Map.of()))))
        .isEmpty();
    assertThat(
            Expectations.failures(
                c,
                prepared("http", "/a?x=1", null),
                outcome(backendAnswer(1, V1, 200, rewritten, Map.of()))))
        .containsExactly(
            "backend got path /b?x=1, expected /a?x=1",
            "backend got header X-Multi: a, expected a,b");
  }

  @Test
  void expectedRequest_methodDefaultsToGet_hostOnlyIfSet_absentHeaders() {
    CaseFile.ExpectedRequest want =
        new CaseFile.ExpectedRequest(null, null, "/new", Map.of(), List.of("X-Gone"));
    CaseFile.Case c = kase(get("/old", null), want, null, null, null, null, null, null);
    ReceivedRequest seen =
        new ReceivedRequest("GET", "other-host", "/new", Map.of("x-gone", List.of("still")));
    assertThat(
            Expectations.failures(
                c,
                prepared("http", "/old", "/new"),
                outcome(backendAnswer(1, V1, 200, seen, Map.of()))))
        .containsExactly("backend got header X-Gone: still, expected it absent");
  }

  @Test
  void envoysOwn200_hasNoEchoedRequest_soOnlyAnExpectedRequestPinningTheSentMethodHolds() {
    CaseFile.Request options =
        new CaseFile.Request(null, "OPTIONS", "/cors", Map.of("Origin", "https://a"), false, null);
    Answer preflight = new Answer(1, null, null, 200, null, null, Map.of(), 0);
    CaseFile.Case methodOnly =
        kase(
            options,
            new CaseFile.ExpectedRequest(null, "OPTIONS", null, null, null),
            null,
            null,
            null,
            null,
            null,
            null);
    CaseFile.Case wrongMethod =
        kase(
            options,
            new CaseFile.ExpectedRequest(null, null, "/cors", null, null),
            null,
            null,
            null,
            null,
            null,
            null);
    CaseFile.Case asSent = kase(options, null, null, null, null, null, null, null);

    assertThat(
            Expectations.failures(methodOnly, prepared("http", "/cors", null), outcome(preflight)))
        .isEmpty();
    assertThat(
            Expectations.failures(
                wrongMethod, prepared("http", "/cors", "/cors"), outcome(preflight)))
        .containsExactly(
            "answered by Envoy, no backend echoed the request: the harness assumes method OPTIONS, expected GET",
            "answered by Envoy, no backend echoed the request: no path, expected /cors");
    assertThat(Expectations.failures(asSent, prepared("http", "/cors", null), outcome(preflight)))
        .containsExactly(
            "answered by Envoy, no backend echoed the request: no path, expected /cors",
            "answered by Envoy, no backend echoed the request: no headers, expected {Origin=https://a}");
  }

  @Test
  void redirect_missingPortAcceptsNoneOrTheDefault_missingSchemeAndPathAreTheRequests() {
    CaseFile.Case c =
        kase(
            get("/p", null),
            null,
            new CaseFile.Response(302, null, null, null, null, false),
            new CaseFile.Redirect(null, "example.org", null, null),
            null,
            null,
            null,
            null);
    assertThat(
            Expectations.failures(
                c, prepared("http", "/p", null), outcome(redirect("http://example.org/p"))))
        .isEmpty();
    assertThat(
            Expectations.failures(
                c, prepared("http", "/p", null), outcome(redirect("http://example.org:80/p"))))
        .isEmpty();
    assertThat(
            Expectations.failures(
                c, prepared("http", "/p", null), outcome(redirect("http://example.org:8080/p"))))
        .containsExactly("redirect port 8080, expected none or 80");
    assertThat(
            Expectations.failures(
                c, prepared("http", "/p", null), outcome(redirect("https://example.org/q"))))
        .containsExactly("redirect scheme https, expected http", "redirect path /q, expected /p");
  }

  @Test
  void responseHeaders_exactValidValuesWithWhitespaceIgnoredAndAbsent() {
    CaseFile.Response response =
        new CaseFile.Response(
            200,
            null,
            Map.of("X-Exact", "1"),
            Map.of("allow", List.of("GET, OPTIONS", "OPTIONS, GET")),
            List.of("X-Secret"),
            true);
    CaseFile.Case c = kase(get("/", null), null, response, null, null, null, null, null);
    ReceivedRequest seen = new ReceivedRequest("GET", "h", "/", Map.of());
    assertThat(
            Expectations.failures(
                c,
                prepared("http", "/", null),
                outcome(
                    backendAnswer(
                        1,
                        V1,
                        200,
                        seen,
                        Map.of("x-exact", List.of("1"), "allow", List.of("OPTIONS,GET"))))))
        .isEmpty();
    assertThat(
            Expectations.failures(
                c,
                prepared("http", "/", null),
                outcome(
                    backendAnswer(
                        1,
                        V1,
                        200,
                        seen,
                        Map.of("allow", List.of("PUT"), "x-secret", List.of("s"))))))
        .containsExactly(
            "response header X-Exact: (absent), expected 1",
            "response header allow: PUT, expected one of [GET, OPTIONS, OPTIONS, GET]",
            "response header X-Secret: s, expected it absent");
  }

  @Test
  void expectedWeights_areComparedExactly_zeroMeansAbsent() {
    Map<String, Double> weights =
        Map.of("infra-backend-v1", 0.7, "infra-backend-v2", 0.3, "infra-backend-v3", 0.0);
    CaseFile.Case c = kase(get("/", null), null, null, null, null, "infra", null, weights);
    ReceivedRequest seen = new ReceivedRequest("GET", "h", "/", Map.of());
    assertThat(
            Expectations.failures(
                c,
                prepared("http", "/", null),
                outcome(
                    backendAnswer(0.7, V1, 200, seen, Map.of()),
                    backendAnswer(0.3, V2, 200, seen, Map.of()))))
        .isEmpty();
    assertThat(
            Expectations.failures(
                c,
                prepared("http", "/", null),
                outcome(
                    backendAnswer(0.5, V1, 200, seen, Map.of()),
                    backendAnswer(0.5, V2, 200, seen, Map.of()))))
        .containsExactly(
            "weights {infra-backend-v1=0.5, infra-backend-v2=0.5}, expected {infra-backend-v1=0.7, infra-backend-v2=0.3}");
  }

  @Test
  void mirrors_missingPercentMeans100() {
    CaseFile.Case c =
        kase(
            get("/", null),
            null,
            null,
            null,
            null,
            null,
            List.of(new CaseFile.MirrorTarget("infra-backend-v2", "infra", 0)),
            null);
    ReceivedRequest seen = new ReceivedRequest("GET", "h", "/", Map.of());
    RouteOutcome full =
        new RouteOutcome(
            "l",
            null,
            "vh",
            "r",
            "c",
            List.of(backendAnswer(1, V1, 200, seen, Map.of())),
            List.of(new RouteOutcome.Mirror("m", List.of(V2), 100)),
            null,
            null,
            List.of());
    RouteOutcome half =
        new RouteOutcome(
            "l",
            null,
            "vh",
            "r",
            "c",
            List.of(backendAnswer(1, V1, 200, seen, Map.of())),
            List.of(new RouteOutcome.Mirror("m", List.of(V2), 50)),
            null,
            null,
            List.of());
    assertThat(Expectations.failures(c, prepared("http", "/", null), full)).isEmpty();
    assertThat(Expectations.failures(c, prepared("http", "/", null), half))
        .containsExactly(
            "mirrors {infra/infra-backend-v2 50%}, expected {infra/infra-backend-v2 100%}");
  }
}
