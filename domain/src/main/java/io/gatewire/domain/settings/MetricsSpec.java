package io.gatewire.domain.settings;

/**
 * The {@code metrics} section: null fields are unset.
 *
 * @param routeStats false leaves out the per-rule route stats (each route's {@code stat_prefix}):
 *     Envoy builds a stats scope for every route of a route configuration each time it applies one,
 *     which is most of its work at thousands of routes; the cluster stats still count per rule
 */
public record MetricsSpec(Boolean routeStats) {

  static MetricsSpec merge(MetricsSpec lower, MetricsSpec higher) {
    if (lower == null || higher == null) {
      return higher != null ? higher : lower;
    }
    return new MetricsSpec(ProxySettingsSpec.either(lower.routeStats, higher.routeStats));
  }

  static GatewaySettings.Metrics resolve(MetricsSpec spec) {
    return spec == null || spec.routeStats == null
        ? GatewaySettings.Metrics.DEFAULTS
        : new GatewaySettings.Metrics(spec.routeStats);
  }
}
