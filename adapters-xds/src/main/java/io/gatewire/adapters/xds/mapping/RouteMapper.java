package io.gatewire.adapters.xds.mapping;

import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.gatewire.domain.ir.IrRoute;
import io.gatewire.domain.ir.IrRouteConfig;
import io.gatewire.domain.ir.IrVirtualHost;
import java.util.List;

/**
 * {@link IrRouteConfig} as a RouteConfiguration (no metadata, like listeners), its virtual hosts
 * and routes with their provenance metadata. Routes keep the IR's precedence order: Envoy takes the
 * first match. Host matching ignores the port, because Gateway API hostnames never carry one.
 */
public final class RouteMapper {
  private final MetadataMapper metadata;

  public RouteMapper(MetadataMapper metadata) {
    this.metadata = metadata;
  }

  public RouteConfiguration map(IrRouteConfig config) {
    return configuration(
        config.name(), config.virtualHosts().stream().map(this::virtualHost).toList());
  }

  /** The route configuration {@code name} with {@code virtualHosts}, mapped already. */
  public static RouteConfiguration configuration(String name, List<VirtualHost> virtualHosts) {
    return RouteConfiguration.newBuilder()
        .setName(name)
        .setIgnorePortInHostMatching(true)
        .addAllVirtualHosts(virtualHosts)
        .build();
  }

  public VirtualHost virtualHost(IrVirtualHost host) {
    VirtualHost.Builder builder =
        VirtualHost.newBuilder().setName(host.name()).addAllDomains(host.domains());
    host.routes().forEach(route -> builder.addRoutes(route(route)));
    metadata.map(host.metadata()).ifPresent(builder::setMetadata);
    return builder.build();
  }

  private Route route(IrRoute route) {
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
    return builder.build();
  }
}
