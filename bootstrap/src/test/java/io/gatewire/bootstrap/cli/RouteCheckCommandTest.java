package io.gatewire.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route-check command's contract: exit codes, printed blocks and summary, the document output,
 * input handling.
 */
class RouteCheckCommandTest {
  private static final String QUICKSTART = "../docs/examples/quickstart.yaml";
  private static final String REQUESTS = "../docs/requests/quickstart.yaml";

  @TempDir Path temp;

  private Path cases(String yaml) throws Exception {
    Path file = temp.resolve("cases.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void documentedExample_passes_exit0_withOneBlockPerCaseAndTheSummaryLast() {
    CommandRunner.Run run =
        CommandRunner.run("route-check", "-f", QUICKSTART, "--requests", REQUESTS);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "PASS the shop splits 80/20 between its two Services\n",
            "  backends: myns/svc-1:8080 0.8, myns/svc-2:8080 0.2\n",
            "  route:    httproute/myns/static/rule/0/match/0/www_example_com (virtual host myns/eg/8080/www_example_com)\n",
            "PASS an unknown host gets 404\n  request:  GET http://unknown.example.com/ -> myns/eg port 8080\n",
            "INFO what happens to a POST on the shop");
    assertThat(run.out()).endsWith("\n3 passed, 0 failed, 1 without expectations\n");
  }

  @Test
  void failingCase_exit1_printsWhatWasExpectedAndWhatWeDo() throws Exception {
    Path file =
        cases(
            """
        cases:
        - subtest: wrong backend
          request: {host: www.example.com, path: /}
          backend: svc-1
        - subtest: wrong status
          request: {host: nowhere.example.com, path: /}
          namespace: myns
        """);

    CommandRunner.Run run =
        CommandRunner.run("route-check", "-f", QUICKSTART, "--requests", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "FAIL wrong backend\n",
            "  FAILED:   backend myns/svc-static, expected */svc-1\n",
            "FAIL wrong status\n",
            "  answer:   404\n",
            "  FAILED:   status 404, expected 200\n");
    assertThat(run.out()).endsWith("0 passed, 2 failed\n");
  }

  @Test
  void jsonOutput_holdsTheSameResults() throws Exception {
    CommandRunner.Run run =
        CommandRunner.run("route-check", "-f", QUICKSTART, "--requests", REQUESTS, "-o", "json");

    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.at("/summary/passed").asInt()).isEqualTo(3);
    assertThat(doc.at("/summary/withoutExpectations").asInt()).isEqualTo(1);
    assertThat(doc.at("/cases/0/result").asText()).isEqualTo("PASS");
    assertThat(doc.at("/cases/0/answers/0/backend").asText()).isEqualTo("myns/svc-1:8080");
    assertThat(doc.at("/cases/0/answers/0/share").asDouble()).isEqualTo(0.8);
    assertThat(doc.at("/cases/2/answers/0/status").asInt()).isEqualTo(404);
  }

  @Test
  void yamlOutput_isTheSameDocument() throws Exception {
    CommandRunner.Run yaml =
        CommandRunner.run("route-check", "-f", QUICKSTART, "--requests", REQUESTS, "-o", "yaml");
    CommandRunner.Run json =
        CommandRunner.run("route-check", "-f", QUICKSTART, "--requests", REQUESTS, "-o", "json");

    assertThat(new ObjectMapper(new YAMLFactory()).readTree(yaml.out()))
        .isEqualTo(new ObjectMapper().readTree(json.out()));
  }

  @Test
  void caseFileWithAnUnknownField_exit1_namesFileLineAndField() throws Exception {
    Path file =
        cases(
            """
        cases:
        - subtest: typo
          request: {path: /}
          respones: {statusCode: 404}
        """);

    CommandRunner.Run run =
        CommandRunner.run("route-check", "-f", QUICKSTART, "--requests", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("cases.yaml:4: unknown field respones at cases[0].respones");
  }

  @Test
  void brokenManifest_exit1_namesTheFile() throws Exception {
    Path bad = temp.resolve("bad.yaml");
    Files.writeString(
        bad, "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n   namespace: y\n");

    CommandRunner.Run run =
        CommandRunner.run("route-check", "-f", bad.toString(), "--requests", REQUESTS);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).containsPattern("bad\\.yaml:\\d+");
  }

  @Test
  void missingRequestsOption_isBadUsage_exit2() {
    assertThat(CommandRunner.run("route-check", "-f", QUICKSTART).exitCode()).isEqualTo(2);
    assertThat(
            CommandRunner.run("route-check", "-f", QUICKSTART, "--requests", REQUESTS, "-o", "xml")
                .exitCode())
        .isEqualTo(2);
  }

  @Test
  void deleteRuntimeChange_isAppliedBeforeTheCase_otherChangesAreReportedNotApplied()
      throws Exception {
    Path file =
        cases(
            """
        gateway: {namespace: myns, name: eg}
        cases:
        - subtest: before
          request: {host: www.example.com, path: /}
          backend: svc-static
        - subtest: after deleting the route
          request: {host: www.example.com, path: /}
          response: {statusCode: 404}
          afterRuntimeChanges:
          - delete HTTPRoute myns/static
          - patch EndpointSlice myns/svc-1-abcde
        """);

    CommandRunner.Run run =
        CommandRunner.run("route-check", "-f", QUICKSTART, "--requests", file.toString());

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .contains(
            "note:     after runtime change: delete HTTPRoute myns/static",
            "note:     runtime change not applied (route-check cannot): patch EndpointSlice myns/svc-1-abcde");
  }

  @Test
  void httpsListenerWithoutItsSecret_isStubbed_andRoutedBySni() throws Exception {
    Path manifests = temp.resolve("https.yaml");
    Files.writeString(
        manifests,
        Files.readString(Path.of(QUICKSTART))
            .replace(
                """
          - name: http
            protocol: HTTP
            port: 8080
        """,
                """
          - name: https
            protocol: HTTPS
            port: 443
            hostname: "*.example.com"
            tls:
              certificateRefs:
              - name: generated-cert
        """));
    Path file =
        cases(
            """
        cases:
        - subtest: shop over TLS
          tls: {serverName: shop.example.com}
          request: {host: shop.example.com, path: /}
          namespace: myns
        - subtest: no chain for another SNI
          tls: {serverName: shop.example.org}
          request: {host: shop.example.com, path: /}
          namespace: myns
        """);

    CommandRunner.Run run =
        CommandRunner.run("route-check", "-f", manifests.toString(), "--requests", file.toString());

    assertThat(run.err()).contains("note: stubbed listener certificate Secret myns/generated-cert");
    assertThat(run.out())
        .contains(
            "PASS shop over TLS\n  request:  GET https://shop.example.com/ -> myns/eg port 443 sni shop.example.com\n",
            "FAIL no chain for another SNI",
            "no TLS filter chain for server name shop.example.org");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void regexMatches_areEvaluatedAsRe2_includingSyntaxJavaLacks() throws Exception {
    Path routes = temp.resolve("routes.yaml");
    Files.writeString(
        routes,
        Files.readString(Path.of("src/test/resources/golden/regex-matches-re2/input.yaml")));
    Path file =
        cases(
            """
        cases:
        - subtest: a versioned user path goes to api
          request: {host: any.example.com, path: /api/v2/users/ann}
          namespace: apps
          backend: api
        - subtest: the dropped lookahead rule does not match
          request: {host: any.example.com, path: /x, headers: {x-user: admin}}
          namespace: apps
          response: {statusCode: 404}
        """);
    Path posix = temp.resolve("posix.yaml");
    Files.writeString(
        posix, Files.readString(routes).replace("/shop/[a-z]+", "/shop/[[:alpha:]]+"));
    Path shop = temp.resolve("shop.yaml");
    Files.writeString(
        shop,
        """
        cases:
        - subtest: a POSIX class matches letters as in RE2
          request: {host: any.example.com, path: /shop/boots, headers: {user-agent: Mozilla/5.0}}
          namespace: apps
          backend: api
        """);

    CommandRunner.Run run =
        CommandRunner.run("route-check", "-f", routes.toString(), "--requests", file.toString());
    CommandRunner.Run posixRun =
        CommandRunner.run("route-check", "-f", posix.toString(), "--requests", shop.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).endsWith("2 passed, 0 failed\n");
    assertThat(posixRun.exitCode()).as(posixRun.out() + posixRun.err()).isZero();
  }
}
