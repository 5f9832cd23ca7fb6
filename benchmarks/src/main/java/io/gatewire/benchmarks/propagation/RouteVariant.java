package io.gatewire.benchmarks.propagation;

import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.gatewire.domain.settings.ProxySettingsSpec;
import io.gatewire.domain.settings.TracingSpec;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A RouteConfiguration as Gatewire serves it, or with one part of what Gatewire emits per route or
 * virtual host taken out, to see what that part costs Envoy to apply ({@link RdsApply}). The
 * variants that measure tracing translate the workload with tracing on; the others with the
 * defaults (no tracing).
 */
enum RouteVariant {
  EMITTED("emitted", false, UnaryOperator.identity()),
  NO_STAT_PREFIX("no-stat-prefix", false, routes(Route.Builder::clearStatPrefix)),
  NO_METADATA(
      "no-metadata",
      false,
      both(hosts(VirtualHost.Builder::clearMetadata), routes(Route.Builder::clearMetadata))),
  NO_HEADER_MUTATIONS(
      "no-header-mutations",
      false,
      routes(
          route ->
              route
                  .clearRequestHeadersToAdd()
                  .clearRequestHeadersToRemove()
                  .clearResponseHeadersToAdd()
                  .clearResponseHeadersToRemove())),
  NO_ROUTE_NAMES("no-route-names", false, routes(Route.Builder::clearName)),
  BARE(
      "bare",
      false,
      both(
          hosts(VirtualHost.Builder::clearMetadata),
          routes(
              route ->
                  route
                      .clearStatPrefix()
                      .clearMetadata()
                      .clearTracing()
                      .clearRequestHeadersToAdd()
                      .clearRequestHeadersToRemove()
                      .clearResponseHeadersToAdd()
                      .clearResponseHeadersToRemove()))),
  TRACING("tracing", true, UnaryOperator.identity()),
  TRACING_NO_ROUTE_TRACING("tracing-no-route-tracing", true, routes(Route.Builder::clearTracing));

  /** Tracing as the observability figures turn it on: a collector, defaults otherwise. */
  static final ProxySettingsSpec TRACING_ON =
      new ProxySettingsSpec(
          null,
          new TracingSpec(
              null, new TracingSpec.Collector("otel-collector.monitoring", 4317), null, null));

  final String flag;
  final boolean tracing;
  private final UnaryOperator<RouteConfiguration> transform;

  RouteVariant(String flag, boolean tracing, UnaryOperator<RouteConfiguration> transform) {
    this.flag = flag;
    this.tracing = tracing;
    this.transform = transform;
  }

  RouteConfiguration apply(RouteConfiguration served) {
    return transform.apply(served);
  }

  static RouteVariant parse(String flag) {
    return Arrays.stream(values())
        .filter(variant -> variant.flag.equals(flag))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown variant "
                        + flag
                        + "; expected one of "
                        + Arrays.stream(values()).map(v -> v.flag).toList()));
  }

  static List<RouteVariant> parseList(String flags) {
    return Arrays.stream(flags.split(",")).map(RouteVariant::parse).toList();
  }

  private static UnaryOperator<RouteConfiguration> both(
      UnaryOperator<RouteConfiguration> first, UnaryOperator<RouteConfiguration> second) {
    return config -> second.apply(first.apply(config));
  }

  private static UnaryOperator<RouteConfiguration> hosts(UnaryOperator<VirtualHost.Builder> edit) {
    return config -> {
      RouteConfiguration.Builder builder = config.toBuilder();
      builder.getVirtualHostsBuilderList().forEach(edit::apply);
      return builder.build();
    };
  }

  private static UnaryOperator<RouteConfiguration> routes(UnaryOperator<Route.Builder> edit) {
    return hosts(
        host -> {
          host.getRoutesBuilderList().forEach(edit::apply);
          return host;
        });
  }
}
