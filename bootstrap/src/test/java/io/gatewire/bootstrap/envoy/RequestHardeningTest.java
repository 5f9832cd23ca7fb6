package io.gatewire.bootstrap.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gatewire.bootstrap.cli.CommandRunner;
import io.gatewire.testkit.echo.EchoBackends;
import io.gatewire.testkit.envoy.Envoy;
import io.gatewire.testkit.envoy.EnvoyBootstrap.AdsProtocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request hardening through a real Envoy (docs/security.md): the requests that bypass a {@code
 * PathPrefix /pub} rule on a proxy that does not normalise ({@code /pub/../admin}, {@code
 * /pub/%2e%2e/admin}, {@code /pub%2Fadmin}, {@code //pub//x}) and a header with an underscore get
 * the documented outcome; the backend sees the normalised request; no request reaches a backend its
 * normalised path would not route to; and {@code route-check} predicts every answer Envoy gives.
 */
class RequestHardeningTest {
  private static final String MANIFESTS =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: gatewire}
      spec: {controllerName: gatewire.io/gateway-controller}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: eg, namespace: myns}
      spec:
        gatewayClassName: gatewire
        listeners:
        - {name: http, protocol: HTTP, port: 80}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: pub, namespace: myns}
      spec:
        parentRefs: [{name: eg}]
        hostnames: [www.example.com]
        rules:
        - matches: [{path: {type: PathPrefix, value: /pub}}]
          backendRefs: [{name: svc-pub, port: 8080}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: admin, namespace: myns}
      spec:
        parentRefs: [{name: eg}]
        hostnames: [www.example.com]
        rules:
        - matches:
          - path: {type: PathPrefix, value: /admin}
            headers: [{name: x-role, value: admin}]
          backendRefs: [{name: svc-admin, port: 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: svc-pub, namespace: myns}
      spec: {ports: [{name: http, port: 8080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: svc-admin, namespace: myns}
      spec: {ports: [{name: http, port: 8080}]}
      """;

  /** A request: its path as sent on the wire, extra headers. */
  private record Probe(String name, String path, Map<String, String> headers) {}

  /** What came back: status, Location, the Service that answered and the path it saw. */
  private record Seen(int status, String location, String service, String path) {}

  private static final List<Probe> PROBES =
      List.of(
          new Probe("dot-dot", "/pub/../admin", Map.of()),
          new Probe("escaped dot-dot", "/pub/%2e%2e/admin", Map.of()),
          new Probe("escaped slash", "/pub%2Fadmin", Map.of()),
          new Probe("double slashes", "//pub//x", Map.of()),
          new Probe("underscore header", "/pub/x", Map.of("x_user", "alice")),
          new Probe("dot segments and query", "/pub/./a/../b?q=%2F", Map.of()),
          new Probe("escaped unreserved", "/pub/%7Euser/%41", Map.of()),
          new Probe(
              "dot-dot into admin with the header", "/pub/../admin/x", Map.of("x-role", "admin")),
          new Probe("above the root", "/../pub/y", Map.of()),
          new Probe("trailing dot segment", "/pub/x/.", Map.of()));

  @Test
  void defaults_normaliseOrRefuseEveryBypass_andRouteCheckAgrees(@TempDir Path dir)
      throws Exception {
    Map<String, Seen> envoy = throughEnvoy(List.of());

    assertThat(envoy.get("dot-dot")).isEqualTo(new Seen(404, null, null, null));
    assertThat(envoy.get("escaped dot-dot")).isEqualTo(new Seen(404, null, null, null));
    assertThat(envoy.get("escaped slash")).isEqualTo(new Seen(307, "/pub/admin", null, null));
    assertThat(envoy.get("double slashes")).isEqualTo(new Seen(200, null, "svc-pub", "/pub/x"));
    assertThat(envoy.get("underscore header")).isEqualTo(new Seen(400, null, null, null));
    assertThat(envoy.get("dot segments and query"))
        .isEqualTo(new Seen(200, null, "svc-pub", "/pub/b?q=%2F"));
    assertThat(envoy.get("dot-dot into admin with the header"))
        .isEqualTo(new Seen(200, null, "svc-admin", "/admin/x"));
    envoy.forEach(
        (name, seen) -> {
          if ("svc-pub".equals(seen.service())) {
            assertThat(seen.path()).as(name).startsWith("/pub/").doesNotContain("..", "//");
          }
        });

    assertThat(routeCheck(dir, List.of())).isEqualTo(envoy);
  }

  @Test
  void flags_changeTheOutcome_andRouteCheckAgrees(@TempDir Path dir) throws Exception {
    List<String> flags =
        List.of(
            "--http-escaped-slashes", "RejectRequest",
            "--http-headers-with-underscores", "DropHeader",
            "--http-merge-slashes", "false");
    Map<String, Seen> envoy = throughEnvoy(flags);

    assertThat(envoy.get("escaped slash")).isEqualTo(new Seen(400, null, null, null));
    assertThat(envoy.get("underscore header")).isEqualTo(new Seen(200, null, "svc-pub", "/pub/x"));
    assertThat(envoy.get("double slashes")).isEqualTo(new Seen(404, null, null, null));

    assertThat(routeCheck(dir, flags)).isEqualTo(envoy);
  }

  /**
   * A second Gateway whose ProxySettings relaxes two defaults: its Envoy lets an underscore header
   * and an escaped slash through (routed as written), while the first Gateway's keeps the flags'
   * defaults; route-check predicts both.
   */
  @Test
  void aGatewaysProxySettings_overrideTheDefaults_forThatGatewayOnly(@TempDir Path dir)
      throws Exception {
    String manifests =
        MANIFESTS.replace("parentRefs: [{name: eg}]", "parentRefs: [{name: eg}, {name: relaxed}]")
            + """
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: relaxed, namespace: myns}
            spec:
              gatewayClassName: gatewire
              infrastructure:
                parametersRef: {group: gatewire.io, kind: ProxySettings, name: relaxed-http}
              listeners:
              - {name: http, protocol: HTTP, port: 81}
            ---
            apiVersion: gatewire.io/v1alpha1
            kind: ProxySettings
            metadata: {name: relaxed-http, namespace: myns}
            spec:
              http:
                headersWithUnderscores: Allow
                escapedSlashes: KeepUnchanged
            """;
    Map<String, Seen> strict = throughEnvoy(manifests, List.of(), "myns/eg", 80);
    Map<String, Seen> relaxed = throughEnvoy(manifests, List.of(), "myns/relaxed", 81);

    assertThat(strict.get("underscore header")).isEqualTo(new Seen(400, null, null, null));
    assertThat(strict.get("escaped slash")).isEqualTo(new Seen(307, "/pub/admin", null, null));
    assertThat(relaxed.get("underscore header"))
        .isEqualTo(new Seen(200, null, "svc-pub", "/pub/x"));
    assertThat(relaxed.get("escaped slash")).isEqualTo(new Seen(404, null, null, null));
    assertThat(relaxed.get("dot-dot")).as("other settings stay").isEqualTo(strict.get("dot-dot"));

    assertThat(routeCheck(dir, manifests, List.of(), "eg", 80)).isEqualTo(strict);
    assertThat(routeCheck(dir, manifests, List.of(), "relaxed", 81)).isEqualTo(relaxed);
  }

  private static Map<String, Seen> throughEnvoy(List<String> flags) {
    return throughEnvoy(MANIFESTS, flags, "myns/eg", 80);
  }

  private static Map<String, Seen> throughEnvoy(
      String manifests, List<String> flags, String gateway, int port) {
    try (EchoBackends backends = EchoBackends.start(manifests);
        EnvoyFixture fixture = EnvoyFixture.serve(backends.manifests(), flags)) {
      Envoy envoy = fixture.envoy(gateway, AdsProtocol.DELTA);
      envoy.awaitLive(Duration.ofSeconds(30));
      envoy.awaitStable(Duration.ofSeconds(10));
      assertThat(envoy.xds().rejected()).as("updates Envoy rejected").isZero();
      Map<String, Seen> seen = new LinkedHashMap<>();
      for (Probe probe : PROBES) {
        RawHttp response =
            RawHttp.get(
                fixture.listenerPort(port), "www.example.com", probe.path(), probe.headers());
        String service = null;
        String path = null;
        if (response.status() == 200) {
          JsonNode echo = new ObjectMapper().readTree(response.body());
          service = echo.path("service").asText();
          path = echo.path("path").asText();
        }
        seen.put(
            probe.name(),
            new Seen(response.status(), response.headers().get("location"), service, path));
      }
      return seen;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** route-check's prediction for every probe, on the same manifests and flags. */
  private static Map<String, Seen> routeCheck(Path dir, List<String> flags) throws Exception {
    return routeCheck(dir, MANIFESTS, flags, "eg", 80);
  }

  private static Map<String, Seen> routeCheck(
      Path dir, String manifests, List<String> flags, String gateway, int port) throws Exception {
    Path input = dir.resolve("input.yaml");
    Files.writeString(input, manifests, StandardCharsets.UTF_8);
    List<Map<String, Object>> cases = new ArrayList<>();
    for (Probe probe : PROBES) {
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("host", "www.example.com");
      request.put("path", probe.path());
      if (!probe.headers().isEmpty()) {
        request.put("headers", probe.headers());
      }
      cases.add(Map.of("subtest", probe.name(), "request", request));
    }
    Path requests = dir.resolve("requests.yaml");
    new YAMLMapper()
        .writeValue(
            requests.toFile(),
            Map.of(
                "gateway",
                Map.of("namespace", "myns", "name", gateway, "port", port),
                "cases",
                cases));
    List<String> args =
        new ArrayList<>(
            List.of(
                "route-check",
                "-f",
                input.toString(),
                "--requests",
                requests.toString(),
                "-o",
                "json"));
    args.addAll(flags);
    CommandRunner.Run run = CommandRunner.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, Seen> seen = new LinkedHashMap<>();
    for (JsonNode c : new ObjectMapper().readTree(run.out()).path("cases")) {
      JsonNode answer = c.path("answers").get(0);
      int status = answer.path("status").asInt();
      String backend = answer.path("backend").asText(null);
      seen.put(
          c.path("name").asText(),
          new Seen(
              status,
              answer.path("location").asText(null),
              backend == null ? null : backend.replaceAll("^myns/|:8080$", ""),
              status == 200 ? answer.path("received").path("path").asText(null) : null));
    }
    return seen;
  }
}
