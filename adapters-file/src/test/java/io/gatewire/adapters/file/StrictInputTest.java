package io.gatewire.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gatewire.adapters.k8s.decode.DecodedDocument;
import io.gatewire.adapters.k8s.decode.DocumentLocation;
import io.gatewire.adapters.k8s.decode.ManifestDecoder;
import io.gatewire.domain.port.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Strict input in file mode (docs/limits.md): a Gateway API object that the API server would refuse
 * with strict field validation (what {@code kubectl apply} asks for) is refused when read from a
 * file, at the offending field's line, with the API server's reason: an unknown field (a typo such
 * as {@code hostnames:} for a listener's {@code hostname:} would otherwise take every host), and a
 * value against its CRD's schema. Objects from a cluster are not checked again.
 */
class StrictInputTest {
  @TempDir Path dir;

  private static final String GATEWAY =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata:
        name: eg
        namespace: myns
      spec:
        gatewayClassName: gatewire
        listeners:
        - name: http
          protocol: HTTP
          port: 80
          hostnames: shop.example.com
      """;

  @Test
  void aMisspelledListenerField_isAnErrorAtItsLine_namingTheField() throws Exception {
    Path file = dir.resolve("gw.yaml");
    Files.writeString(file, GATEWAY);

    SourceException error = loadError(file);

    assertThat(error.getMessage())
        .isEqualTo(file + ":12: Gateway myns/eg: unknown field \"spec.listeners[0].hostnames\"");
  }

  @Test
  void theSameObjectFromACluster_isDecodedAsBefore() throws Exception {
    JsonNode document = new YAMLMapper().readTree(GATEWAY);

    DecodedDocument decoded =
        new ManifestDecoder().decode(document, DocumentLocation.cluster("Gateway", "myns", "eg"));

    assertThat(decoded.objects()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " :: ",
      textBlock =
          """
          unknown metadata field :: metadata: {name: web, namespace: myns, lables: {a: b}} :: 4 :: \
          unknown field "metadata.lables"
          unknown rule field :: rules: [{backendRef: [{name: web, port: 80}]}] :: 9 :: \
          unknown field "spec.rules[0].backendRef"
          enum :: rules: [{matches: [{path: {type: Prefix, value: /a}}]}] :: 9 :: \
          spec.rules[0].matches[0].path.type: Unsupported value: "Prefix": supported values: \
          "Exact", "PathPrefix", "RegularExpression"
          pattern :: hostnames: [Shop.Example.COM] :: 9 :: spec.hostnames[0]: Invalid value: \
          "Shop.Example.COM": spec.hostnames[0] in body should match \
          '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$'
          maximum :: rules: [{retry: {codes: [600]}}] :: 9 :: spec.rules[0].retry.codes[0]: \
          Invalid value: 600: spec.rules[0].retry.codes[0] in body should be less than or equal to 599
          minimum :: rules: [{backendRefs: [{name: web, port: 0}]}] :: 9 :: \
          spec.rules[0].backendRefs[0].port: Invalid value: 0: spec.rules[0].backendRefs[0].port \
          in body should be greater than or equal to 1
          duration pattern :: rules: [{timeouts: {request: forever}}] :: 9 :: \
          spec.rules[0].timeouts.request: Invalid value: "forever": spec.rules[0].timeouts.request \
          in body should match '^([0-9]{1,5}(h|m|s|ms)){1,4}$'
          wrong type :: rules: [{backendRefs: [{name: web, port: eighty}]}] :: 9 :: \
          spec.rules[0].backendRefs[0].port: Invalid value: "eighty": \
          spec.rules[0].backendRefs[0].port in body must be of type integer: "string"
          required :: rules: [{backendRefs: [{port: 80}]}] :: 9 :: \
          spec.rules[0].backendRefs[0].name: Required value
          """)
  void aValueTheCrdRefuses_isAnErrorAtItsLine_withTheApiServersReason(
      String name, String line, int lineNumber, String reason) throws Exception {
    String metadata =
        line.startsWith("metadata:") ? line : "metadata: {name: web, namespace: myns}";
    String spec = line.startsWith("metadata:") ? "" : line;
    Path file = dir.resolve(name.replace(' ', '-') + ".yaml");
    Files.writeString(
        file,
        "apiVersion: gateway.networking.k8s.io/v1\n"
            + "kind: HTTPRoute\n"
            + "# "
            + name
            + "\n"
            + metadata
            + "\n"
            + "spec:\n"
            + "  parentRefs:\n"
            + "  - name: eg\n"
            + "  # the line under test\n"
            + "  "
            + spec
            + "\n");

    SourceException error = loadError(file);

    assertThat(error.getMessage())
        .isEqualTo(file + ":" + lineNumber + ": HTTPRoute myns/web: " + reason);
  }

  @Test
  void tooManyListeners_andARepeatedListenerName_areRefused() throws Exception {
    StringBuilder listeners = new StringBuilder();
    for (int i = 0; i < 65; i++) {
      listeners.append("  - {name: l").append(i).append(", protocol: HTTP, port: 80}\n");
    }
    Path many = dir.resolve("many.yaml");
    Files.writeString(many, gateway(listeners.toString()));
    Path twice = dir.resolve("twice.yaml");
    Files.writeString(
        twice,
        gateway(
            "  - {name: http, protocol: HTTP, port: 80}\n"
                + "  - {name: http, protocol: HTTP, port: 81}\n"));

    assertThat(loadError(many).getMessage())
        .isEqualTo(
            many + ":7: Gateway myns/eg: spec.listeners: Too many: 65: must have at most 64 items");
    assertThat(loadError(twice).getMessage())
        .isEqualTo(
            twice + ":9: Gateway myns/eg: spec.listeners[1]: Duplicate value: {\"name\":\"http\"}");
  }

  private static String gateway(String listeners) {
    return """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: eg, namespace: myns}
        spec:
          gatewayClassName: gatewire
          # listeners follow
          listeners:
        """
        + listeners;
  }

  private static SourceException loadError(Path file) {
    SourceException error =
        catchThrowableOfType(
            SourceException.class,
            () -> new FileConfigurationSource(List.of(file)).loadWithWarnings());
    assertThat(error).as("loading should fail").isNotNull();
    return error;
  }
}
