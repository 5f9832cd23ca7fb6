package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Decoding.decodeError;
import static io.gatewire.adapters.k8s.decode.Decoding.decodeOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayClass;
import io.gatewire.domain.model.ParametersReference;
import io.gatewire.domain.model.ProxySettings;
import io.gatewire.domain.port.SourceException;
import io.gatewire.domain.settings.AccessLogFormat;
import io.gatewire.domain.settings.AccessLogSpec;
import io.gatewire.domain.settings.MetricsSpec;
import io.gatewire.domain.settings.ProxySettingsSpec;
import io.gatewire.domain.settings.TracingSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ProxySettings (gatewire.io/v1alpha1) and the parametersRef of GatewayClass and Gateway: every
 * field optional, unknown fields and bad values refused at the field that is wrong.
 */
class ProxySettingsMapperTest {

  @Test
  void everyField_isRead() throws SourceException {
    ProxySettings settings =
        decodeOne(
            """
        apiVersion: gatewire.io/v1alpha1
        kind: ProxySettings
        metadata: {name: observed, namespace: infra}
        spec:
          accessLog:
            enabled: true
            path: /var/log/envoy/access.log
            format: JSON
            json: {status: "%RESPONSE_CODE%", route: "%ROUTE_NAME%"}
          tracing:
            collector: {host: otel.monitoring, port: 4317}
            samplingPercent: 12.5
            serviceName: edge
          metrics:
            routeStats: false
        """,
            ProxySettings.class);

    assertThat(settings.ref().namespacedName()).isEqualTo("infra/observed");
    assertThat(settings.spec())
        .isEqualTo(
            new ProxySettingsSpec(
                new AccessLogSpec(
                    true,
                    "/var/log/envoy/access.log",
                    AccessLogFormat.JSON,
                    null,
                    Map.of("status", "%RESPONSE_CODE%", "route", "%ROUTE_NAME%")),
                new TracingSpec(
                    null, new TracingSpec.Collector("otel.monitoring", 4317), 12.5, "edge"),
                null,
                new MetricsSpec(false)));
  }

  @Test
  void noSpec_orEmptySections_setNothing() throws SourceException {
    ProxySettings empty =
        decodeOne(
            """
        apiVersion: gatewire.io/v1alpha1
        kind: ProxySettings
        metadata: {name: empty}
        """,
            ProxySettings.class);
    assertThat(empty.spec()).isEqualTo(ProxySettingsSpec.EMPTY);
    ProxySettings sections =
        decodeOne(
            """
        apiVersion: gatewire.io/v1alpha1
        kind: ProxySettings
        metadata: {name: sections}
        spec: {accessLog: {}, tracing: {}, metrics: {}}
        """,
            ProxySettings.class);
    assertThat(sections.spec().accessLog())
        .isEqualTo(new AccessLogSpec(null, null, null, null, null));
    assertThat(sections.spec().tracing()).isEqualTo(new TracingSpec(null, null, null, null));
    assertThat(sections.spec().metrics()).isEqualTo(new MetricsSpec(null));
  }

  @Test
  void aCustomTextLine_setsTheTextFormat() throws SourceException {
    ProxySettings settings =
        decodeOne(
            """
        apiVersion: gatewire.io/v1alpha1
        kind: ProxySettings
        metadata: {name: text}
        spec: {accessLog: {text: "%REQ(:PATH)% %RESPONSE_CODE% 100%%\\n"}}
        """,
            ProxySettings.class);
    assertThat(settings.spec().accessLog().format()).isEqualTo(AccessLogFormat.TEXT);
  }

  @Test
  void anUnknownField_isAnErrorAtThatField_listingTheKnownOnes() {
    SourceException error =
        decodeError(
            """
        apiVersion: gatewire.io/v1alpha1
        kind: ProxySettings
        metadata: {name: typo, namespace: infra}
        spec:
          accessLog: {enable: false}
        """);
    assertThat(error.getMessage())
        .isEqualTo(
            "doc.yaml#/spec/accessLog/enable: ProxySettings infra/typo: spec.accessLog.enable:"
                + " unknown field (known fields here: enabled, format, json, path, text)");
  }

  @Test
  void badValues_areErrorsAtTheirFields() {
    assertThat(error("accessLog: {path: access.log}"))
        .endsWith(
            "spec.accessLog.path: must be an absolute file path (/dev/stdout for Envoy's standard output)");
    assertThat(error("accessLog: {format: yaml}"))
        .endsWith("spec.accessLog.format: unsupported value \"yaml\": expected one of JSON, Text");
    assertThat(error("accessLog: {format: JSON, text: \"%START_TIME%\"}"))
        .endsWith("spec.accessLog.text: a custom text line needs format Text, not JSON (use json)");
    assertThat(error("accessLog: {format: Text, json: {a: \"%START_TIME%\"}}"))
        .endsWith("spec.accessLog.json: custom JSON fields need format JSON, not Text (use text)");
    assertThat(error("accessLog: {text: \"%START_TIME% done 100%\"}"))
        .contains("spec.accessLog.text: no command operator at \"%\"");
    assertThat(error("accessLog: {json: {code: \"%response_code%\"}}"))
        .contains("spec.accessLog.json[code]: no command operator at \"%response_code%\"");
    assertThat(error("accessLog: {json: {}}"))
        .endsWith("spec.accessLog.json: must name at least one field");
    assertThat(error("tracing: {samplingPercent: 101}"))
        .endsWith("spec.tracing.samplingPercent: must be from 0 to 100, not 101.0");
    assertThat(error("tracing: {collector: {host: otel}}"))
        .endsWith("spec.tracing.collector.port: required");
    assertThat(error("tracing: {collector: {host: otel, port: 70000}}"))
        .endsWith("spec.tracing.collector.port: must be a port between 1 and 65535, not 70000");
    assertThat(error("tracing: {enabled: maybe}"))
        .contains("spec.tracing.enabled: cannot parse \"maybe\" as a boolean");
    assertThat(error("metrics: {routeStats: \"false\"}")).contains("spec.metrics.routeStats");
    assertThat(error("metrics: {routeStat: false}"))
        .endsWith("spec.metrics.routeStat: unknown field (known fields here: routeStats)");
  }

  private static String error(String spec) {
    return decodeError(
            """
        apiVersion: gatewire.io/v1alpha1
        kind: ProxySettings
        metadata: {name: bad, namespace: infra}
        spec: %s
        """
                .formatted("{" + spec + "}"))
        .getMessage();
  }

  @Test
  void gatewayClassParametersRef_isRead() throws SourceException {
    GatewayClass gatewayClass =
        decodeOne(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: gatewire}
        spec:
          controllerName: gatewire.io/gateway-controller
          parametersRef: {group: gatewire.io, kind: ProxySettings, namespace: infra, name: defaults}
        """,
            GatewayClass.class);
    assertThat(gatewayClass.parametersRef())
        .contains(
            new ParametersReference(
                "gatewire.io", "ProxySettings", Optional.of("infra"), "defaults"));
  }

  @Test
  void gatewayInfrastructureParametersRef_isRead_inTheGatewaysNamespace() throws SourceException {
    Gateway gateway =
        decodeOne(
            """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: eg, namespace: apps}
        spec:
          gatewayClassName: gatewire
          infrastructure:
            parametersRef: {group: gatewire.io, kind: ProxySettings, name: traced}
          listeners: [{name: http, protocol: HTTP, port: 80}]
        """,
            Gateway.class);
    assertThat(gateway.parametersRef())
        .contains(
            new ParametersReference("gatewire.io", "ProxySettings", Optional.empty(), "traced"));
  }

  @Test
  void aParametersRefWithoutName_isAnError() {
    assertThat(
            decodeError(
                    """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: gatewire}
        spec:
          controllerName: gatewire.io/gateway-controller
          parametersRef: {group: gatewire.io, kind: ProxySettings}
        """)
                .getMessage())
        .endsWith("GatewayClass gatewire: spec.parametersRef.name: required");
  }
}
