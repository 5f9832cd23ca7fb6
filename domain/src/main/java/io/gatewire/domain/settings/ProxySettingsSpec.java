package io.gatewire.domain.settings;

/**
 * What one level of settings says, one section per concern; a null section or field is unset and
 * inherits from the level below. The levels, lowest first: the command line's defaults, the
 * GatewayClass's ProxySettings, the Gateway's ProxySettings.
 *
 * @param accessLog the access log of every listener (null: unset)
 * @param tracing OpenTelemetry tracing of HTTP requests (null: unset)
 * @param http request hardening and protocol settings of the HTTP connection managers (null: unset)
 * @param metrics which stats Envoy keeps (null: unset)
 */
public record ProxySettingsSpec(
    AccessLogSpec accessLog, TracingSpec tracing, HttpSpec http, MetricsSpec metrics) {
  /** Nothing set. */
  public static final ProxySettingsSpec EMPTY = new ProxySettingsSpec(null, null, null, null);

  /** No {@code http} or {@code metrics} section. */
  public ProxySettingsSpec(AccessLogSpec accessLog, TracingSpec tracing) {
    this(accessLog, tracing, null, null);
  }

  /** No {@code metrics} section. */
  public ProxySettingsSpec(AccessLogSpec accessLog, TracingSpec tracing, HttpSpec http) {
    this(accessLog, tracing, http, null);
  }

  /** This level with its {@code http} section replaced by {@code section}. */
  public ProxySettingsSpec withHttp(HttpSpec section) {
    return new ProxySettingsSpec(accessLog, tracing, section, metrics);
  }

  /** This level with its {@code metrics} section replaced by {@code section}. */
  public ProxySettingsSpec withMetrics(MetricsSpec section) {
    return new ProxySettingsSpec(accessLog, tracing, http, section);
  }

  /** This level with every field that {@code higher} sets replaced by the higher level's value. */
  public ProxySettingsSpec overriddenBy(ProxySettingsSpec higher) {
    return new ProxySettingsSpec(
        AccessLogSpec.merge(accessLog, higher.accessLog),
        TracingSpec.merge(tracing, higher.tracing),
        HttpSpec.merge(http, higher.http),
        MetricsSpec.merge(metrics, higher.metrics));
  }

  /** Every unset field defaulted. */
  public GatewaySettings resolve() {
    return new GatewaySettings(
        AccessLogSpec.resolve(accessLog),
        TracingSpec.resolve(tracing),
        HttpSpec.resolve(http),
        MetricsSpec.resolve(metrics));
  }

  /** The field from the higher level when it sets one, else the lower level's. */
  static <T> T either(T lower, T higher) {
    return higher != null ? higher : lower;
  }
}
