package io.gatewire.domain.settings;

/**
 * The {@code http} section: how the Gateway's HTTP connection managers treat requests. Null fields
 * are unset; {@link HttpSettings} documents each field and its default.
 */
public record HttpSpec(
    Boolean normalizePath,
    Boolean mergeSlashes,
    HttpSettings.EscapedSlashes escapedSlashes,
    HttpSettings.HeadersWithUnderscores headersWithUnderscores,
    Boolean useRemoteAddress,
    Integer xffNumTrustedHops,
    Integer maxRequestHeadersKb,
    String requestHeadersTimeout,
    String connectionIdleTimeout,
    String streamIdleTimeout,
    Integer maxRequestsPerConnection,
    HttpSettings.ServerHeader serverHeader,
    HttpSettings.WebSockets webSockets) {

  static HttpSpec merge(HttpSpec lower, HttpSpec higher) {
    if (lower == null || higher == null) {
      return higher != null ? higher : lower;
    }
    return new HttpSpec(
        ProxySettingsSpec.either(lower.normalizePath, higher.normalizePath),
        ProxySettingsSpec.either(lower.mergeSlashes, higher.mergeSlashes),
        ProxySettingsSpec.either(lower.escapedSlashes, higher.escapedSlashes),
        ProxySettingsSpec.either(lower.headersWithUnderscores, higher.headersWithUnderscores),
        ProxySettingsSpec.either(lower.useRemoteAddress, higher.useRemoteAddress),
        ProxySettingsSpec.either(lower.xffNumTrustedHops, higher.xffNumTrustedHops),
        ProxySettingsSpec.either(lower.maxRequestHeadersKb, higher.maxRequestHeadersKb),
        ProxySettingsSpec.either(lower.requestHeadersTimeout, higher.requestHeadersTimeout),
        ProxySettingsSpec.either(lower.connectionIdleTimeout, higher.connectionIdleTimeout),
        ProxySettingsSpec.either(lower.streamIdleTimeout, higher.streamIdleTimeout),
        ProxySettingsSpec.either(lower.maxRequestsPerConnection, higher.maxRequestsPerConnection),
        ProxySettingsSpec.either(lower.serverHeader, higher.serverHeader),
        ProxySettingsSpec.either(lower.webSockets, higher.webSockets));
  }

  /**
   * Every unset field defaulted.
   *
   * @throws IllegalArgumentException when a value is out of range (the decoder and the flags check
   *     values first, so this is a bug)
   */
  static HttpSettings resolve(HttpSpec spec) {
    if (spec == null) {
      return HttpSettings.DEFAULTS;
    }
    HttpSettings d = HttpSettings.DEFAULTS;
    return new HttpSettings(
        or(spec.normalizePath, d.normalizePath()),
        or(spec.mergeSlashes, d.mergeSlashes()),
        or(spec.escapedSlashes, d.escapedSlashes()),
        or(spec.headersWithUnderscores, d.headersWithUnderscores()),
        or(spec.useRemoteAddress, d.useRemoteAddress()),
        or(spec.xffNumTrustedHops, d.xffNumTrustedHops()),
        or(spec.maxRequestHeadersKb, d.maxRequestHeadersKb()),
        or(spec.requestHeadersTimeout, d.requestHeadersTimeout()),
        or(spec.connectionIdleTimeout, d.connectionIdleTimeout()),
        or(spec.streamIdleTimeout, d.streamIdleTimeout()),
        or(spec.maxRequestsPerConnection, d.maxRequestsPerConnection()),
        or(spec.serverHeader, d.serverHeader()),
        or(spec.webSockets, d.webSockets()));
  }

  private static <T> T or(T value, T defaultValue) {
    return value == null ? defaultValue : value;
  }
}
