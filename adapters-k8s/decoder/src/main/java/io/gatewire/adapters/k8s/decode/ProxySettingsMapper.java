package io.gatewire.adapters.k8s.decode;

import static io.gatewire.adapters.k8s.decode.Fields.required;
import static io.gatewire.adapters.k8s.decode.Fields.requiredText;

import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.ProxySettings;
import io.gatewire.domain.settings.AccessLogFormat;
import io.gatewire.domain.settings.AccessLogSpec;
import io.gatewire.domain.settings.FormatStrings;
import io.gatewire.domain.settings.GatewaySettings;
import io.gatewire.domain.settings.MetricsSpec;
import io.gatewire.domain.settings.ProxySettingsSpec;
import io.gatewire.domain.settings.TracingSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ProxySettings: every field optional; a field that is set must make sense on its own (an absolute
 * path, a known format, a custom format whose syntax is valid and that matches the format, a
 * sampling percentage from 0 to 100, a collector with host and port). A custom {@code text} or
 * {@code json} without a {@code format} sets the format too.
 */
final class ProxySettingsMapper {
  private static final Map<String, AccessLogFormat> FORMATS =
      Map.of(
          AccessLogFormat.JSON.value(),
          AccessLogFormat.JSON,
          AccessLogFormat.TEXT.value(),
          AccessLogFormat.TEXT);

  ProxySettings proxySettings(ObjectMeta meta, ProxySettingsResource.Spec spec) {
    if (spec == null) {
      return new ProxySettings(meta, ProxySettingsSpec.EMPTY);
    }
    FieldPath path = FieldPath.SPEC;
    return new ProxySettings(
        meta,
        new ProxySettingsSpec(
            spec.accessLog() == null ? null : accessLog(spec.accessLog(), path.field("accessLog")),
            spec.tracing() == null ? null : tracing(spec.tracing(), path.field("tracing")),
            spec.http() == null ? null : HttpSectionMapper.http(spec.http(), path.field("http")),
            spec.metrics() == null ? null : new MetricsSpec(spec.metrics().routeStats())));
  }

  static AccessLogSpec accessLog(ProxySettingsResource.AccessLog log, FieldPath path) {
    if (log.path() != null && !log.path().startsWith("/")) {
      throw new InvalidFieldException(
          path.field("path"),
          "must be an absolute file path ("
              + GatewaySettings.AccessLog.STDOUT
              + " for Envoy's standard output)");
    }
    AccessLogFormat format =
        log.format() == null ? null : Fields.oneOf(log.format(), path.field("format"), FORMATS);
    if (log.text() != null && log.json() != null) {
      throw new InvalidFieldException(path.field("json"), "set either text or json, not both");
    }
    if (log.text() != null) {
      checkFormatString(log.text(), path.field("text"));
      if (format == AccessLogFormat.JSON) {
        throw new InvalidFieldException(
            path.field("text"), "a custom text line needs format Text, not JSON (use json)");
      }
    }
    Map<String, String> json = null;
    if (log.json() != null) {
      if (format == AccessLogFormat.TEXT) {
        throw new InvalidFieldException(
            path.field("json"), "custom JSON fields need format JSON, not Text (use text)");
      }
      json = jsonFields(log.json(), path.field("json"));
    }
    if (format == null && log.text() != null) {
      format = AccessLogFormat.TEXT;
    } else if (format == null && json != null) {
      format = AccessLogFormat.JSON;
    }
    return new AccessLogSpec(log.enabled(), log.path(), format, log.text(), json);
  }

  private static Map<String, String> jsonFields(Map<String, String> fields, FieldPath path) {
    if (fields.isEmpty()) {
      throw new InvalidFieldException(path, "must name at least one field");
    }
    Map<String, String> checked = new LinkedHashMap<>();
    fields.forEach(
        (name, value) -> {
          if (name.isEmpty()) {
            throw new InvalidFieldException(path, "a field name must not be empty");
          }
          if (value == null) {
            throw new InvalidFieldException(path.key(name), "must be a format string");
          }
          checkFormatString(value, path.key(name));
          checked.put(name, value);
        });
    return checked;
  }

  static TracingSpec tracing(ProxySettingsResource.Tracing tracing, FieldPath path) {
    TracingSpec.Collector collector = null;
    if (tracing.collector() != null) {
      FieldPath collectorPath = path.field("collector");
      collector =
          new TracingSpec.Collector(
              requiredText(tracing.collector().host(), collectorPath.field("host")),
              required(tracing.collector().port(), collectorPath.field("port")));
    }
    Double sampling = tracing.samplingPercent();
    if (sampling != null && (sampling.isNaN() || sampling < 0 || sampling > 100)) {
      throw new InvalidFieldException(
          path.field("samplingPercent"), "must be from 0 to 100, not " + sampling);
    }
    if (tracing.serviceName() != null && tracing.serviceName().isBlank()) {
      throw new InvalidFieldException(path.field("serviceName"), "must not be empty");
    }
    return new TracingSpec(tracing.enabled(), collector, sampling, tracing.serviceName());
  }

  private static void checkFormatString(String format, FieldPath path) {
    FormatStrings.problem(format)
        .ifPresent(
            problem -> {
              throw new InvalidFieldException(path, problem);
            });
  }
}
