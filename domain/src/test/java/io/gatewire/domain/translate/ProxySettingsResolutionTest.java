package io.gatewire.domain.translate;

import static io.gatewire.domain.fixtures.Fixtures.gateway;
import static io.gatewire.domain.fixtures.Fixtures.gatewayClass;
import static io.gatewire.domain.fixtures.Fixtures.http;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayClass;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.ParametersReference;
import io.gatewire.domain.model.ProxySettings;
import io.gatewire.domain.settings.AccessLogFormat;
import io.gatewire.domain.settings.AccessLogSpec;
import io.gatewire.domain.settings.GatewaySettings;
import io.gatewire.domain.settings.ProxySettingsSpec;
import io.gatewire.domain.settings.TracingSpec;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.Reasons;
import io.gatewire.domain.status.StatusBody;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Per-Gateway proxy settings: the command line's defaults, overridden field by field by the
 * GatewayClass's ProxySettings, overridden by the Gateway's; a reference that does not resolve is
 * {@code Accepted=False/InvalidParameters} on its class or Gateway, with a warning, and the Gateway
 * keeps being programmed with the levels that do resolve.
 */
class ProxySettingsResolutionTest {
  private static final TracingSpec.Collector COLLECTOR =
      new TracingSpec.Collector("otel.monitoring", 4317);

  private static ProxySettings settings(String namespace, String name, ProxySettingsSpec spec) {
    return new ProxySettings(
        ObjectMeta.of(ProxySettings.KIND, ProxySettings.API_VERSION, namespace, name), spec);
  }

  private static ParametersReference ref(String namespace, String name) {
    return new ParametersReference(
        ProxySettings.GROUP, ProxySettings.KIND, Optional.ofNullable(namespace), name);
  }

  private static GatewayClass classWith(ParametersReference ref) {
    GatewayClass plain = gatewayClass("gatewire");
    return new GatewayClass(plain.meta(), plain.controllerName(), Optional.of(ref));
  }

  private static Gateway gatewayWith(String name, ParametersReference ref) {
    Gateway plain = gateway("ns", name, http("http", 80));
    return new Gateway(
        plain.meta(), plain.gatewayClassName(), plain.listeners(), Optional.ofNullable(ref));
  }

  private static TranslationResult translate(
      ProxySettingsSpec defaults, KubernetesObject... objects) {
    return new Translator(TranslatorOptions.DEFAULTS.withProxySettings(defaults))
        .translate(GatewayResources.builder().addAll(List.of(objects)).build());
  }

  private static GatewaySettings settingsOf(TranslationResult result, String gateway) {
    return result.ir().gateways().stream()
        .filter(g -> g.key().equals("ns/" + gateway))
        .map(IrGateway::settings)
        .findFirst()
        .orElseThrow();
  }

  private static Condition accepted(TranslationResult result, String kind, String name) {
    List<Condition> conditions =
        result.statuses().stream()
            .filter(s -> s.kind().equals(kind) && s.name().equals(name))
            .map(
                s ->
                    s.status() instanceof StatusBody.GatewayStatus g
                        ? g.conditions()
                        : ((StatusBody.GatewayClassStatus) s.status()).conditions())
            .findFirst()
            .orElseThrow();
    return conditions.stream()
        .filter(c -> c.type().equals(Reasons.ACCEPTED))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void nothingSet_givesTheDefaults_jsonAccessLogToStdout_noTracing() {
    TranslationResult result =
        translate(
            ProxySettingsSpec.EMPTY, gatewayClass("gatewire"), gateway("ns", "gw", http("h", 80)));
    assertThat(settingsOf(result, "gw")).isEqualTo(GatewaySettings.DEFAULTS);
    assertThat(settingsOf(result, "gw").accessLog().toStdout()).isTrue();
    assertThat(settingsOf(result, "gw").tracing().enabled()).isFalse();
  }

  @Test
  void eachField_takesTheHighestLevelThatSetsIt() {
    ProxySettingsSpec flags =
        new ProxySettingsSpec(
            new AccessLogSpec(null, "/var/log/flags.log", null, null, null),
            new TracingSpec(null, COLLECTOR, 5.0, "from-flags"));
    ProxySettingsSpec classLevel =
        new ProxySettingsSpec(
            new AccessLogSpec(null, null, AccessLogFormat.TEXT, "%RESPONSE_CODE%\n", null),
            new TracingSpec(null, null, 50.0, null));
    ProxySettingsSpec gatewayLevel =
        new ProxySettingsSpec(null, new TracingSpec(null, null, null, "from-gateway"));

    TranslationResult result =
        translate(
            flags,
            settings("infra", "class-settings", classLevel),
            settings("ns", "gw-settings", gatewayLevel),
            classWith(ref("infra", "class-settings")),
            gatewayWith(
                "gw",
                new ParametersReference(
                    ProxySettings.GROUP, ProxySettings.KIND, Optional.empty(), "gw-settings")),
            gatewayWith("plain", null));

    GatewaySettings gw = settingsOf(result, "gw");
    assertThat(gw.accessLog())
        .isEqualTo(
            new GatewaySettings.AccessLog(
                true, "/var/log/flags.log", AccessLogFormat.TEXT, "%RESPONSE_CODE%\n", Map.of()));
    assertThat(gw.tracing())
        .isEqualTo(new GatewaySettings.Tracing(COLLECTOR, 50.0, "from-gateway"));
    assertThat(settingsOf(result, "plain").tracing())
        .as("a Gateway without its own ProxySettings gets its class's and the flags'")
        .isEqualTo(new GatewaySettings.Tracing(COLLECTOR, 50.0, "from-flags"));
    assertThat(accepted(result, "GatewayClass", "gatewire").holds()).isTrue();
    assertThat(accepted(result, "Gateway", "gw").holds()).isTrue();
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aGatewayLevel_turnsOffWhatItsClassTurnsOn() {
    ProxySettingsSpec classLevel =
        new ProxySettingsSpec(null, new TracingSpec(null, COLLECTOR, null, null));
    ProxySettingsSpec off =
        new ProxySettingsSpec(
            new AccessLogSpec(false, null, null, null, null),
            new TracingSpec(false, null, null, null));
    TranslationResult result =
        translate(
            ProxySettingsSpec.EMPTY,
            settings("infra", "on", classLevel),
            settings("ns", "off", off),
            classWith(ref("infra", "on")),
            gatewayWith("quiet", ref(null, "off")),
            gatewayWith("traced", null));
    assertThat(settingsOf(result, "quiet").tracing().enabled()).isFalse();
    assertThat(settingsOf(result, "quiet").accessLog().enabled()).isFalse();
    assertThat(settingsOf(result, "traced").tracing().enabled()).isTrue();
    assertThat(settingsOf(result, "traced").accessLog().enabled()).isTrue();
  }

  @Test
  void aGatewayReferenceToNothing_isInvalidParameters_andTheGatewayKeepsTheOtherLevels() {
    ProxySettingsSpec classLevel =
        new ProxySettingsSpec(
            new AccessLogSpec(null, "/var/log/class.log", null, null, null), null);
    TranslationResult result =
        translate(
            ProxySettingsSpec.EMPTY,
            settings("infra", "class-settings", classLevel),
            classWith(ref("infra", "class-settings")),
            gatewayWith("gw", ref(null, "missing")));

    Condition accepted = accepted(result, "Gateway", "gw");
    assertThat(accepted.holds()).isFalse();
    assertThat(accepted.reason()).isEqualTo(Reasons.INVALID_PARAMETERS);
    assertThat(accepted.message())
        .contains("gatewire.io/ProxySettings missing", "ns/missing", "does not exist");
    assertThat(settingsOf(result, "gw").accessLog().path()).isEqualTo("/var/log/class.log");
    assertThat(result.ir().gateways())
        .singleElement()
        .satisfies(g -> assertThat(g.listeners()).isNotEmpty());
    assertThat(result.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.toString()).startsWith("Gateway ns/gw: parametersRef"));
  }

  @Test
  void aClassReferenceToAnotherKind_orWithoutNamespace_isInvalidParametersOnTheClass() {
    ParametersReference configMap =
        new ParametersReference("", "ConfigMap", Optional.of("infra"), "settings");
    TranslationResult other =
        translate(ProxySettingsSpec.EMPTY, classWith(configMap), gatewayWith("gw", null));
    Condition accepted = accepted(other, "GatewayClass", "gatewire");
    assertThat(accepted.holds()).isFalse();
    assertThat(accepted.reason()).isEqualTo(Reasons.INVALID_PARAMETERS);
    assertThat(accepted.message()).contains("ConfigMap infra/settings", "is not supported");
    assertThat(settingsOf(other, "gw")).isEqualTo(GatewaySettings.DEFAULTS);
    assertThat(accepted(other, "Gateway", "gw").holds())
        .as("the Gateway's own parameters are fine")
        .isTrue();

    TranslationResult noNamespace =
        translate(
            ProxySettingsSpec.EMPTY,
            settings("infra", "s", ProxySettingsSpec.EMPTY),
            classWith(ref(null, "s")),
            gatewayWith("gw", null));
    assertThat(accepted(noNamespace, "GatewayClass", "gatewire").message())
        .contains("has no namespace");
  }

  @Test
  void tracingEnabledWithoutACollector_isAWarning_andNoTracing() {
    TranslationResult result =
        translate(
            ProxySettingsSpec.EMPTY,
            settings(
                "ns", "s", new ProxySettingsSpec(null, new TracingSpec(true, null, 10.0, null))),
            gatewayClass("gatewire"),
            gatewayWith("gw", ref(null, "s")));
    assertThat(settingsOf(result, "gw").tracing().enabled()).isFalse();
    assertThat(result.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.message()).contains("no collector"));
  }

  @Test
  void changingOnlyAProxySettings_givesANewIrGateway() {
    Translator translator = new Translator(TranslatorOptions.DEFAULTS);
    GatewayResources before =
        GatewayResources.builder()
            .addAll(
                List.of(
                    gatewayClass("gatewire"),
                    gatewayWith("gw", ref(null, "s")),
                    settings("ns", "s", ProxySettingsSpec.EMPTY)))
            .build();
    GatewayResources after =
        GatewayResources.builder()
            .addAll(
                List.of(
                    gatewayClass("gatewire"),
                    gatewayWith("gw", ref(null, "s")),
                    settings(
                        "ns",
                        "s",
                        new ProxySettingsSpec(
                            new AccessLogSpec(false, null, null, null, null), null))))
            .build();
    Memos memos = new Memos();
    IrGateway first = translator.translate(before, memos).ir().gateways().get(0);
    memos.endGeneration();
    IrGateway second = translator.translate(after, memos).ir().gateways().get(0);
    memos.endGeneration();
    assertThat(second).isNotSameAs(first);
    assertThat(second.settings().accessLog().enabled()).isFalse();
    assertThat(translator.translate(after, memos).ir().gateways().get(0)).isSameAs(second);
  }
}
