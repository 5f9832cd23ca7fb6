package io.gatewire.adapters.xds.mapping;

import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.gatewire.adapters.xds.proto.TypedConfigs;

/**
 * The HTTP connection manager network filter: routes from RDS over ADS, the CORS filter, then the
 * router; the Gateway's protections from {@link HttpProtections}, its access log and tracing
 * ({@link Observability}).
 */
final class HttpConnectionManagers {
  static final String FILTER_NAME = "envoy.filters.network.http_connection_manager";
  static final String ROUTER_FILTER_NAME = "envoy.filters.http.router";

  private HttpConnectionManagers() {}

  /** The connection manager of a listener or TLS chain of {@code gateway}. */
  static Filter rds(
      String statPrefix,
      String routeConfigName,
      GatewayContext gateway,
      Observability observability) {
    HttpConnectionManager.Builder hcm =
        HttpConnectionManager.newBuilder()
            .setStatPrefix(statPrefix)
            .setRds(
                Rds.newBuilder()
                    .setConfigSource(ConfigSources.ads())
                    .setRouteConfigName(routeConfigName))
            .addHttpFilters(CorsPolicies.httpFilter())
            .addHttpFilters(
                HttpFilter.newBuilder()
                    .setName(ROUTER_FILTER_NAME)
                    .setTypedConfig(TypedConfigs.pack(Router.getDefaultInstance())));
    HttpProtections.apply(gateway.settings().http(), hcm);
    observability.apply(hcm);
    return Filter.newBuilder()
        .setName(FILTER_NAME)
        .setTypedConfig(TypedConfigs.pack(hcm.build()))
        .build();
  }

  /** What a connection manager logs and traces. */
  record Observability(
      java.util.List<io.envoyproxy.envoy.config.accesslog.v3.AccessLog> accessLogs,
      HttpConnectionManager.Tracing tracing) {
    void apply(HttpConnectionManager.Builder hcm) {
      hcm.addAllAccessLog(accessLogs);
      if (tracing != null) {
        hcm.setTracing(tracing);
      }
    }
  }
}
