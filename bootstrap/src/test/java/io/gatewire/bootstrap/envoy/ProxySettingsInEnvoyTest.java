package io.gatewire.bootstrap.envoy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewire.testkit.echo.EchoBackends;
import io.gatewire.testkit.envoy.Envoy;
import io.gatewire.testkit.envoy.EnvoyBootstrap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Per-Gateway ProxySettings on real Envoys (docs/proxy-settings.md): one Gateway writes no access
 * log while another of the same class writes its own fields; sampling 0 sends no span; an invalid
 * edit of a ProxySettings keeps the last good configuration serving; a valid edit changes the
 * format (text) and the sampling (spans arrive); a format operator Envoy does not know is refused
 * by Envoy (a NACK Gatewire counts) and Envoy keeps the previous format.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxySettingsInEnvoyTest {
  private static final Path INPUT = Path.of("src/test/resources/proxy-settings/input.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern TRANSLATIONS =
      Pattern.compile("(?m)^gatewire_config_translations_total(?:\\{[^}]*\\})? (\\S+)$");

  private static OtlpReceiver otlp;
  private static EchoBackends backends;
  private static EnvoyFixture fixture;
  private static Path settings;
  private static Envoy quiet;
  private static Envoy custom;
  private static String customRoute;

  @BeforeAll
  static void serve() throws Exception {
    otlp = OtlpReceiver.start();
    String manifests = Files.readString(INPUT, StandardCharsets.UTF_8);
    int start = manifests.indexOf("apiVersion: gatewire.io/v1alpha1");
    int end = manifests.indexOf("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n");
    backends = EchoBackends.start(manifests.substring(0, start) + manifests.substring(end));
    settings = Files.createTempDirectory("gatewire-proxy-settings-").resolve("settings.yaml");
    template = manifests.substring(start, end).replace("OTLP_PORT", String.valueOf(otlp.port()));
    write(settingsWith("{json: {status: \"%RESPONSE_CODE%\", route: \"%ROUTE_NAME%\"}}", 0));
    fixture =
        EnvoyFixture.serve(
            backends.manifests(), List.of("--allow-insecure-secrets", "-f", settings.toString()));
    quiet = fixture.envoy(EnvoyBootstrap.ads("envoy-quiet", "myns/quiet", fixture.xdsPort()));
    custom = fixture.envoy(EnvoyBootstrap.ads("envoy-custom", "myns/custom", fixture.xdsPort()));
    for (Envoy envoy : List.of(quiet, custom)) {
      envoy.awaitLive(Duration.ofSeconds(10));
      envoy.awaitStable(Duration.ofSeconds(10));
    }
    customRoute = "httproute/myns/web/rule/0/match/0/*";
  }

  private static String template;

  @AfterAll
  static void stop() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
    if (backends != null) {
      backends.close();
    }
    if (otlp != null) {
      otlp.close();
    }
  }

  @Test
  @Order(1)
  void oneGatewayLogsNothing_andAnotherItsOwnFields_andSampling0SendsNoSpan() throws Exception {
    assertThat(get(80, "/quiet")).isEqualTo(200);
    assertThat(get(81, "/custom")).isEqualTo(200);

    await().atMost(WAIT).until(() -> jsonLines(custom).size() >= 1);
    JsonNode line = jsonLines(custom).get(0);
    List<String> fields = new ArrayList<>();
    line.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("status", "route");
    assertThat(line.path("status").asInt()).isEqualTo(200);
    assertThat(line.path("route").asText()).isEqualTo(customRoute);

    Thread.sleep(6_000); // Envoy exports spans every 5 s: long enough for one to arrive
    assertThat(quiet.stdoutLines()).as("access log off for Gateway myns/quiet").isEmpty();
    assertThat(otlp.spans()).as("sampling 0").isEmpty();

    String ruleStats = ".route.httproute/myns/web/rule/0.upstream_rq_completed";
    String clusterStats = "cluster.httproute/myns/web/rule/0.upstream_rq_completed";
    Map<String, Long> customStats = custom.stats();
    assertThat(customStats.entrySet())
        .as("route stats by default")
        .anyMatch(
            stat ->
                stat.getKey().startsWith("vhost.myns/custom/81/")
                    && stat.getKey().endsWith(ruleStats)
                    && stat.getValue() == 1L);
    assertThat(customStats).containsEntry(clusterStats, 1L);
    assertThat(quiet.stats().keySet())
        .as("routeStats: false for Gateway myns/quiet: no route stats, the cluster's remain")
        .noneMatch(name -> name.startsWith("vhost.") && name.contains(".route."))
        .contains(clusterStats);
  }

  @Test
  @Order(2)
  void anInvalidEdit_keepsTheLastGoodConfigurationServing() throws Exception {
    write(settingsWith("{json: {status: \"%RESPONSE_CODE%\"}}", 500));
    await().atMost(WAIT).until(() -> fixture.adminResponse("/readyz").body().contains("stale"));
    assertThat(fixture.adminResponse("/readyz").body())
        .contains("settings.yaml", "ProxySettings myns/custom", "spec.tracing.samplingPercent");

    int before = jsonLines(custom).size();
    assertThat(get(81, "/still-custom")).isEqualTo(200);
    await().atMost(WAIT).until(() -> jsonLines(custom).size() > before);
    List<String> fields = new ArrayList<>();
    jsonLines(custom).get(before).fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("status", "route");
  }

  @Test
  @Order(3)
  void aValidEdit_changesTheFormatAndTheSampling() throws Exception {
    editAndAwait(settingsWith("{text: \"%ROUTE_NAME% %RESPONSE_CODE%\"}", 100));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              get(81, "/text");
              assertThat(custom.stdoutLines()).contains(customRoute + " 200");
            });
    await()
        .atMost(WAIT)
        .until(
            () ->
                otlp.spans().stream()
                    .anyMatch(s -> s.attributes().getOrDefault("http.url", "").contains("/text")));
    assertThat(otlp.spans().get(0).attributes())
        .containsEntry("gatewire.gateway.name", "custom")
        .containsEntry("gatewire.route.name", "web")
        .containsEntry("gatewire.route.rule_name", "all");
    assertThat(quiet.stdoutLines()).isEmpty();
  }

  @Test
  @Order(4)
  void anOperatorEnvoyDoesNotKnow_isRefusedByEnvoy_whichKeepsThePreviousFormat() throws Exception {
    double nacks = fixture.nacks();
    editAndAwait(settingsWith("{json: {x: \"%NO_SUCH_OPERATOR%\"}}", 100));
    await().atMost(WAIT).until(() -> fixture.nacks() > nacks);
    int lines = custom.stdoutLines().size();
    assertThat(get(81, "/after-nack")).isEqualTo(200);
    await().atMost(WAIT).until(() -> custom.stdoutLines().size() > lines);
    assertThat(custom.stdoutLines().get(lines)).isEqualTo(customRoute + " 200");
  }

  private static String settingsWith(String accessLog, int samplingPercent) {
    return template
        .replace("CUSTOM_ACCESS_LOG", accessLog)
        .replace("samplingPercent: 0", "samplingPercent: " + samplingPercent);
  }

  private static void write(String content) throws IOException {
    Path next = settings.resolveSibling("settings.yaml.next");
    Files.writeString(next, content, StandardCharsets.UTF_8);
    Files.move(next, settings, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void editAndAwait(String content) throws IOException {
    double before = translations();
    write(content);
    await().atMost(WAIT).until(() -> translations() > before);
    custom.awaitStable(Duration.ofSeconds(10));
  }

  private static double translations() {
    Matcher matcher = TRANSLATIONS.matcher(fixture.admin("/metrics"));
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }

  private static int get(int gatewayPort, String path) {
    return RawHttp.get(fixture.listenerPort(gatewayPort), "web.example.com", path).status();
  }

  private static List<JsonNode> jsonLines(Envoy envoy) {
    List<JsonNode> lines = new ArrayList<>();
    for (String text : envoy.stdoutLines()) {
      try {
        lines.add(JSON.readTree(text));
      } catch (IOException e) {
        throw new UncheckedIOException("not a JSON line: " + text, e);
      }
    }
    return lines;
  }
}
