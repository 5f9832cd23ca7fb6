package io.gatewire.domain.settings;

/**
 * The {@code tracing} section: null fields are unset. Tracing is on where a collector is set,
 * unless {@code enabled} is false.
 *
 * @param enabled false turns tracing off even where a lower level sets a collector
 * @param collector the OpenTelemetry collector spans are sent to over OTLP/gRPC
 * @param samplingPercent the share of requests traced, 0 to 100
 * @param serviceName the {@code service.name} of the spans
 */
public record TracingSpec(
    Boolean enabled, Collector collector, Double samplingPercent, String serviceName) {

  /** An OTLP/gRPC collector's address. */
  public record Collector(String host, int port) {
    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  static TracingSpec merge(TracingSpec lower, TracingSpec higher) {
    if (lower == null || higher == null) {
      return higher != null ? higher : lower;
    }
    return new TracingSpec(
        ProxySettingsSpec.either(lower.enabled, higher.enabled),
        ProxySettingsSpec.either(lower.collector, higher.collector),
        ProxySettingsSpec.either(lower.samplingPercent, higher.samplingPercent),
        ProxySettingsSpec.either(lower.serviceName, higher.serviceName));
  }

  static GatewaySettings.Tracing resolve(TracingSpec spec) {
    if (spec == null || spec.collector == null || Boolean.FALSE.equals(spec.enabled)) {
      return GatewaySettings.Tracing.OFF;
    }
    return new GatewaySettings.Tracing(
        spec.collector,
        spec.samplingPercent == null
            ? GatewaySettings.Tracing.DEFAULT_SAMPLING_PERCENT
            : spec.samplingPercent,
        spec.serviceName);
  }
}
