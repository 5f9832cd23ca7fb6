package io.gatewire.domain.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code accessLog} section: null fields are unset.
 *
 * @param enabled false turns access logs off
 * @param path where lines go: {@link GatewaySettings.AccessLog#STDOUT} or an absolute file path
 * @param format {@code JSON} (one JSON object a line) or {@code Text}
 * @param text a custom line in Envoy's format string syntax, for format {@code Text}
 * @param json custom fields (name to Envoy format string), for format {@code JSON}; kept in the
 *     order given
 */
public record AccessLogSpec(
    Boolean enabled, String path, AccessLogFormat format, String text, Map<String, String> json) {
  public AccessLogSpec {
    json = json == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(json));
  }

  static AccessLogSpec merge(AccessLogSpec lower, AccessLogSpec higher) {
    if (lower == null || higher == null) {
      return higher != null ? higher : lower;
    }
    return new AccessLogSpec(
        ProxySettingsSpec.either(lower.enabled, higher.enabled),
        ProxySettingsSpec.either(lower.path, higher.path),
        ProxySettingsSpec.either(lower.format, higher.format),
        ProxySettingsSpec.either(lower.text, higher.text),
        ProxySettingsSpec.either(lower.json, higher.json));
  }

  static GatewaySettings.AccessLog resolve(AccessLogSpec spec) {
    if (spec == null) {
      return GatewaySettings.AccessLog.DEFAULTS;
    }
    boolean enabled = spec.enabled == null || spec.enabled;
    String path = spec.path == null ? GatewaySettings.AccessLog.STDOUT : spec.path;
    AccessLogFormat format = spec.format == null ? AccessLogFormat.JSON : spec.format;
    return new GatewaySettings.AccessLog(
        enabled,
        path,
        format,
        format == AccessLogFormat.TEXT ? spec.text : null,
        format == AccessLogFormat.JSON && spec.json != null ? spec.json : Map.of());
  }
}
