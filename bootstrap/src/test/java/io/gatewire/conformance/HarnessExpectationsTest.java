package io.gatewire.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.adapters.xds.routecheck.RouteRequest;
import io.gatewire.bootstrap.routecheck.CaseFile;
import io.gatewire.bootstrap.routecheck.CaseFileReader;
import io.gatewire.bootstrap.routecheck.CaseRequests;
import io.gatewire.testkit.echo.EchoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessExpectationsTest {
  @TempDir Path temp;

  private CaseFile.Case parse(String caseYaml) throws Exception {
    Path file = temp.resolve("cases.yaml");
    Files.writeString(
        file,
        "test: T\ngateway: {namespace: ns, name: gw, port: 80, scheme: http}\ncases:\n"
            + caseYaml.indent(2).replaceFirst("^  ", "- "));
    return new CaseFileReader().read(file).cases().get(0);
  }

  private static CaseRequests.Prepared sent(String path) {
    return new CaseRequests.Prepared(
        new RouteRequest("ns/gw", 80, "http", null, "192.0.2.1", "GET", path, Map.of(), Map.of()),
        path,
        path);
  }

  private static EchoClient.Response echo(int status, String path, String namespace, String pod) {
    return new EchoClient.Response(
        status,
        null,
        "HTTP/1.1",
        Map.of("content-type", List.of("application/json")),
        "{}",
        Optional.of(
            new EchoClient.EchoedRequest(
                path, "192.0.2.1", "GET", "HTTP/1.1", Map.of("X-A", List.of("1")), namespace, pod)),
        List.of());
  }

  private static EchoClient.Response envoy(int status, Map<String, List<String>> headers) {
    return new EchoClient.Response(
        status, null, "HTTP/1.1", headers, "", Optional.empty(), List.of());
  }

  @Test
  void anEchoFromTheRightPodAndNamespace_holds_andAnyOtherPodOrNamespaceDoesNot() throws Exception {
    CaseFile.Case c = parse("request: {path: /a}\nbackend: infra-backend-v1\nnamespace: infra\n");

    assertThat(
            HarnessExpectations.failure(
                c, sent("/a"), echo(200, "/a", "infra", "infra-backend-v1-5d-x")))
        .isEmpty();
    assertThat(
            HarnessExpectations.failure(
                c, sent("/a"), echo(200, "/a", "infra", "infra-backend-v2-5d-x")))
        .hasValueSatisfying(f -> assertThat(f).contains("pod name to start with infra-backend-v1"));
    assertThat(
            HarnessExpectations.failure(
                c, sent("/a"), echo(200, "/a", "other", "infra-backend-v1-5d-x")))
        .hasValueSatisfying(f -> assertThat(f).contains("namespace to be infra"));
    assertThat(
            HarnessExpectations.failure(
                c, sent("/a"), echo(200, "/b", "infra", "infra-backend-v1-5d-x")))
        .hasValueSatisfying(f -> assertThat(f).contains("path to be /a, got /b"));
  }

  @Test
  void theNamespaceIsAlwaysCompared_soAnEchoFailsACaseThatNamesNone() throws Exception {
    CaseFile.Case c = parse("request: {path: /a}\n");

    assertThat(HarnessExpectations.failure(c, sent("/a"), echo(200, "/a", "infra", "p-1-2")))
        .hasValueSatisfying(f -> assertThat(f).contains("namespace to be , got infra"));
  }

  @Test
  void statuses_areTheAllowedOnes_andAnyTimeoutStatusPassesWhenOneIsAllowed() throws Exception {
    CaseFile.Case notFound = parse("request: {path: /a}\nresponse: {statusCode: 404}\n");
    CaseFile.Case timeout = parse("request: {path: /a}\nresponse: {statusCode: 504}\n");

    assertThat(HarnessExpectations.failure(notFound, sent("/a"), envoy(404, Map.of()))).isEmpty();
    assertThat(HarnessExpectations.failure(notFound, sent("/a"), envoy(503, Map.of())))
        .hasValueSatisfying(f -> assertThat(f).contains("one of [404], got 503"));
    assertThat(HarnessExpectations.failure(timeout, sent("/a"), envoy(408, Map.of()))).isEmpty();
    assertThat(
            HarnessExpectations.failure(notFound, sent("/a"), EchoClient.Response.failed("reset")))
        .hasValueSatisfying(f -> assertThat(f).contains("reset"));
  }

  @Test
  void anAnswerOfEnvoysOwn_knowsOnlyTheMethodSent() throws Exception {
    CaseFile.Case preflight =
        parse(
            "request: {path: /cors, method: OPTIONS}\nexpectedRequest: {method: OPTIONS}\n"
                + "response: {statusCode: 200, headers: {access-control-allow-origin: 'https://a'}}\n");

    assertThat(
            HarnessExpectations.failure(
                preflight,
                sent("/cors"),
                envoy(200, Map.of("access-control-allow-origin", List.of("https://a")))))
        .isEmpty();
    assertThat(
            HarnessExpectations.failure(
                preflight,
                sent("/cors"),
                envoy(200, Map.of("access-control-allow-origin", List.of("*")))))
        .hasValueSatisfying(f -> assertThat(f).contains("access-control-allow-origin"));
  }

  @Test
  void redirects_takeTheDefaultPortOfTheirScheme_andTheRequestsPathWhenNoneIsGiven()
      throws Exception {
    CaseFile.Case c =
        parse(
            "request: {path: '/p?q=1', unfollowRedirect: true}\nresponse: {statusCode: 302}\n"
                + "redirectRequest: {scheme: https, host: example.org}\n");

    assertThat(
            HarnessExpectations.failure(
                c,
                sent("/p?q=1"),
                envoy(302, Map.of("location", List.of("https://example.org:443/p?q=1")))))
        .isEmpty();
    assertThat(
            HarnessExpectations.failure(
                c,
                sent("/p?q=1"),
                envoy(302, Map.of("location", List.of("https://example.org:8443/p")))))
        .hasValueSatisfying(f -> assertThat(f).contains("443 or not set, got 8443"));
    assertThat(
            HarnessExpectations.failure(
                c, sent("/p?q=1"), envoy(302, Map.of("location", List.of("http://example.org/p")))))
        .hasValueSatisfying(f -> assertThat(f).contains("scheme to be https, got http"));
    assertThat(
            HarnessExpectations.failure(
                c,
                sent("/p?q=1"),
                envoy(302, Map.of("location", List.of("https://example.org/other")))))
        .hasValueSatisfying(f -> assertThat(f).contains("path to be /p, got /other"));
  }
}
