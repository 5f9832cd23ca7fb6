package io.gatewire.adapters.xds.mapping;

import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.gatewire.domain.ir.IrRoute;
import io.gatewire.domain.ir.IrRouteConfig;
import io.gatewire.domain.ir.IrVirtualHost;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.settings.GatewaySettings;
import java.util.List;

/**
 * {@link IrRouteConfig} as a RouteConfiguration (no metadata, like listeners), its virtual hosts
 * and routes with their provenance metadata. Routes keep the IR's precedence order: Envoy takes the
 * first match. Unless the Gateway's settings turn route stats off, each route of a rule has the
 * rule's stat prefix, so Envoy counts requests per rule and virtual host ({@code vhost.<virtual
 * host>.route.<kind>/<ns>/<name>/rule/<i>.*}); when the Gateway traces, each route also carries its
 * origin as span tags ({@link Tracings}). Host matching ignores the port, because Gateway API
 * hostnames never carry one.
 */
public final class RouteMapper {
  private final MetadataMapper metadata;
  private final Tracings tracings;

  public RouteMapper(MetadataMapper metadata) {
    this(metadata, MetadataOptions.DEFAULTS);
  }

  /** Routes whose tracing tags read metadata as {@code options} emits it. */
  public RouteMapper(MetadataMapper metadata, MetadataOptions options) {
    this.metadata = metadata;
    this.tracings = new Tracings(options.namespace(), options.endpointMetadata());
  }

  /** The route configuration of a Gateway of the default settings (no tracing, route stats). */
  public RouteConfiguration map(IrRouteConfig config) {
    return map(config, GatewaySettings.DEFAULTS);
  }

  /** The route configuration of a Gateway of {@code gateway}'s settings. */
  public RouteConfiguration map(IrRouteConfig config, GatewayContext gateway) {
    return map(config, gateway.settings());
  }

  private RouteConfiguration map(IrRouteConfig config, GatewaySettings settings) {
    return configuration(
        config.name(),
        config.virtualHosts().stream().map(host -> virtualHost(host, settings)).toList());
  }

  /** The route configuration {@code name} with {@code virtualHosts}, mapped already. */
  public static RouteConfiguration configuration(String name, List<VirtualHost> virtualHosts) {
    return RouteConfiguration.newBuilder()
        .setName(name)
        .setIgnorePortInHostMatching(true)
        .addAllVirtualHosts(virtualHosts)
        .build();
  }

  /** One virtual host, its routes traced and counted as the Gateway's {@code settings} say. */
  public VirtualHost virtualHost(IrVirtualHost host, GatewaySettings settings) {
    VirtualHost.Builder builder =
        VirtualHost.newBuilder().setName(host.name()).addAllDomains(host.domains());
    host.routes().forEach(route -> builder.addRoutes(route(route, host, settings)));
    metadata.map(host.metadata()).ifPresent(builder::setMetadata);
    return builder.build();
  }

  private Route route(IrRoute route, IrVirtualHost host, GatewaySettings settings) {
    Route.Builder builder =
        Route.newBuilder()
            .setName(route.name())
            .setMatch(RouteMatchMapper.map(route.match()))
            .addAllRequestHeadersToAdd(HeaderMutations.toAdd(route.requestHeaders()))
            .addAllRequestHeadersToRemove(route.requestHeaders().remove())
            .addAllResponseHeadersToAdd(HeaderMutations.toAdd(route.responseHeaders()))
            .addAllResponseHeadersToRemove(route.responseHeaders().remove());
    RouteActionMapper.apply(route.action(), route.match(), builder);
    if (route.cors() != null) {
      builder.putTypedPerFilterConfig(
          CorsPolicies.FILTER_NAME, CorsPolicies.perRoute(route.cors()));
    }
    metadata.map(route.metadata()).ifPresent(builder::setMetadata);
    if (settings.metrics().routeStats()) {
      RouteNames.statPrefix(route.name()).ifPresent(builder::setStatPrefix);
    }
    tracings.route(route, host, settings.tracing()).ifPresent(builder::setTracing);
    return builder.build();
  }
}
