package io.gatewire.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewire.testkit.tls.TestCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The translate command's contract: output shape, formats, stdin, exit codes and error messages.
 */
class TranslateCommandTest {
  private static final String QUICKSTART = "../docs/examples/quickstart.yaml";

  @TempDir Path temp;

  @Test
  void jsonOutput_hasTheFiveKeysInOrder_andNoStatusByDefault() throws Exception {
    CommandRunner.Run run = CommandRunner.run("translate", "-f", QUICKSTART, "-o", "json");

    assertThat(run.exitCode()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.fieldNames())
        .toIterable()
        .containsExactly("listeners", "routes", "clusters", "endpoints", "secrets");
    assertThat(doc.at("/clusters/0/name").asText()).isEqualTo("httproute/myns/myroute/rule/0");
    assertThat(
            doc.at("/clusters/0/metadata/filterMetadata/envoy-gateway/resources/0/annotations/foo")
                .asText())
        .isEqualTo("bar");
    assertThat(doc.at("/endpoints/0/endpoints/1/loadBalancingWeight").asInt()).isEqualTo(20);
  }

  @Test
  void emitAll_appendsStatusOfEveryRelevantObject() throws Exception {
    CommandRunner.Run run =
        CommandRunner.run("translate", "-f", QUICKSTART, "-o", "json", "--emit", "all");

    JsonNode status = new ObjectMapper().readTree(run.out()).get("status");
    assertThat(status)
        .extracting(s -> s.get("kind").asText() + " " + s.at("/metadata/name").asText())
        .contains("GatewayClass gatewire", "Gateway eg", "HTTPRoute myroute", "HTTPRoute static");
    assertThat(status.findValues("reason"))
        .extracting(JsonNode::asText)
        .doesNotContain("BackendNotFound");
  }

  @Test
  void certificateSecretWithAnotherCertificatesKey_isNotServed_andNoOutputShowsTheKey()
      throws Exception {
    // an RSA chain with the ECDSA certificate's key: Envoy would refuse the pair
    String mismatched =
        TestCertificate.RSA
            .secretYaml("infra", "shop-cert")
            .replace(
                base64(TestCertificate.RSA.traditionalKeyPem()),
                base64(TestCertificate.ECDSA.traditionalKeyPem()));
    Path input = temp.resolve("https.yaml");
    Files.writeString(
        input,
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: gatewire}
        spec: {controllerName: gatewire.io/gateway-controller}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: eg, namespace: infra}
        spec:
          gatewayClassName: gatewire
          listeners:
          - name: https
            protocol: HTTPS
            port: 443
            tls: {certificateRefs: [{name: shop-cert}]}
        ---
        """
            + mismatched);

    CommandRunner.Run run =
        CommandRunner.run("translate", "-f", input.toString(), "-o", "json", "--emit", "all");

    assertThat(run.exitCode()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.get("secrets")).isEmpty();
    assertThat(doc.get("listeners")).isEmpty();
    JsonNode listener = doc.at("/status/0/status/listeners/0");
    assertThat(listener.findValuesAsText("reason")).contains("InvalidCertificateRef", "Invalid");
    assertThat(listener.toString())
        .contains(
            "certificateRef Secret infra/shop-cert: tls.key is an EC key and does not match the"
                + " certificate in tls.crt");
    for (String pem :
        List.of(
            TestCertificate.ECDSA.traditionalKeyPem(), TestCertificate.RSA.traditionalKeyPem())) {
      pem.lines()
          .filter(line -> !line.startsWith("-----"))
          .forEach(line -> assertThat(run.out() + run.err()).doesNotContain(line));
      assertThat(run.out() + run.err()).doesNotContain(base64(pem).substring(0, 40));
    }
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void stdin_isReadForDash() throws Exception {
    String input = Files.readString(Path.of(QUICKSTART));

    CommandRunner.Run run = CommandRunner.runWithStdin(input, "translate", "-f", "-");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(CommandRunner.run("translate", "-f", QUICKSTART).out());
  }

  @Test
  void brokenFile_exits1_namesFileAndLine_andPrintsNothingOnStdout() throws Exception {
    Path bad = temp.resolve("bad.yaml");
    Files.writeString(
        bad, "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n   namespace: y\n");

    CommandRunner.Run run = CommandRunner.run("translate", "-f", bad.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("bad.yaml:").containsPattern("bad\\.yaml:\\d+");
  }

  @Test
  void invalidFieldValue_exits1_namingTheObjectAndField() throws Exception {
    Path bad = temp.resolve("route.yaml");
    Files.writeString(
        bad,
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: web
          namespace: shop
        spec:
          rules:
          - backendRefs:
            - name: svc
              port: eighty
        """);

    CommandRunner.Run run = CommandRunner.run("translate", "-f", bad.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("route.yaml:10", "HTTPRoute shop/web", "port");
  }

  @Test
  void missingFile_exits1() {
    CommandRunner.Run run =
        CommandRunner.run("translate", "-f", temp.resolve("nope.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("nope.yaml");
  }

  @Test
  void badUsage_exits2() {
    assertThat(CommandRunner.run("translate").exitCode()).isEqualTo(2);
    assertThat(CommandRunner.run("translate", "-f", QUICKSTART, "-o", "xml").exitCode())
        .isEqualTo(2);
    assertThat(CommandRunner.run("translate", "-f", QUICKSTART, "--emit", "everything").exitCode())
        .isEqualTo(2);
    assertThat(CommandRunner.run("no-such-command").exitCode()).isEqualTo(2);
  }

  @Test
  void unknownKind_isAWarningNotAnError() throws Exception {
    Path file = temp.resolve("mixed.yaml");
    Files.writeString(
        file,
        Files.readString(Path.of(QUICKSTART))
            + "\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: myns\n");

    CommandRunner.Run run = CommandRunner.run("translate", "-f", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("warning:", "Deployment");
  }

  @Test
  void metadataFlags_changeNamespaceAndPassMorePrefixes() throws Exception {
    CommandRunner.Run run =
        CommandRunner.run(
            "translate",
            "-f",
            QUICKSTART,
            "-o",
            "json",
            "--metadata-namespace",
            "acme",
            "--metadata-annotation-prefix",
            "internal.example.com/");

    JsonNode resources =
        new ObjectMapper()
            .readTree(run.out())
            .at("/clusters/0/metadata/filterMetadata/acme/resources/0");
    assertThat(resources.at("/annotations/ticket").asText()).isEqualTo("OPS-1234");
    assertThat(resources.at("/annotations/foo").asText()).isEqualTo("bar");
  }
}
