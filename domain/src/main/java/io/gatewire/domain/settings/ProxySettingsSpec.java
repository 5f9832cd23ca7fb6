package io.gatewire.domain.settings;

/**
 * What one level of settings says, one section per concern; a null section or field is unset and
 * inherits from the level below. The levels, lowest first: the command line's defaults, the
 * GatewayClass's ProxySettings, the Gateway's ProxySettings.
 *
 * @param accessLog the access log of every listener (null: unset)
 * @param tracing OpenTelemetry tracing of HTTP requests (null: unset)
 * @param http request hardening and protocol settings of the HTTP connection managers (null: unset)
 */
public record ProxySettingsSpec(AccessLogSpec accessLog, TracingSpec tracing, HttpSpec http) {
  /** Nothing set. */
  public static final ProxySettingsSpec EMPTY = new ProxySettingsSpec(null, null, null);

  /** No {@code http} section. */
  public ProxySettingsSpec(AccessLogSpec accessLog, TracingSpec tracing) {
    this(accessLog, tracing, null);
  }

  /** This level with its {@code http} section replaced by {@code section}. */
  public ProxySettingsSpec withHttp(HttpSpec section) {
    return new ProxySettingsSpec(accessLog, tracing, section);
  }

  /** This level with every field that {@code higher} sets replaced by the higher level's value. */
  public ProxySettingsSpec overriddenBy(ProxySettingsSpec higher) {
    return new ProxySettingsSpec(
        AccessLogSpec.merge(accessLog, higher.accessLog),
        TracingSpec.merge(tracing, higher.tracing),
        HttpSpec.merge(http, higher.http));
  }

  /** Every unset field defaulted. */
  public GatewaySettings resolve() {
    return new GatewaySettings(
        AccessLogSpec.resolve(accessLog), TracingSpec.resolve(tracing), HttpSpec.resolve(http));
  }

  /** The field from the higher level when it sets one, else the lower level's. */
  static <T> T either(T lower, T higher) {
    return higher != null ? higher : lower;
  }
}
