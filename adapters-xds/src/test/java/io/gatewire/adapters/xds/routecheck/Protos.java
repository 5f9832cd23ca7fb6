package io.gatewire.adapters.xds.routecheck;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.Cors;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.gatewire.adapters.xds.XdsResources;
import java.util.List;

/** Small hand-built Envoy resources for the simulator tests. */
final class Protos {
  static final String GATEWAY = "ns/gw";
  static final String NAMESPACE = "envoy-gateway";
  static final String CORS_FILTER = "envoy.filters.http.cors";

  private Protos() {}

  static FilterChain plainChain(String routeConfig) {
    return FilterChain.newBuilder().addFilters(hcm(routeConfig)).build();
  }

  static FilterChain tlsChain(String name, String routeConfig, String... serverNames) {
    return FilterChain.newBuilder()
        .setName(name)
        .setFilterChainMatch(FilterChainMatch.newBuilder().addAllServerNames(List.of(serverNames)))
        .addFilters(hcm(routeConfig))
        .setTransportSocket(TransportSocket.newBuilder().setName("envoy.transport_sockets.tls"))
        .build();
  }

  static Listener listener(int port, FilterChain... chains) {
    return Listener.newBuilder()
        .setName(GATEWAY + "/" + port)
        .setAddress(
            Address.newBuilder()
                .setSocketAddress(
                    SocketAddress.newBuilder().setAddress("0.0.0.0").setPortValue(port)))
        .addAllFilterChains(List.of(chains))
        .build();
  }

  static RouteConfiguration config(String name, VirtualHost... hosts) {
    return RouteConfiguration.newBuilder()
        .setName(name)
        .setIgnorePortInHostMatching(true)
        .addAllVirtualHosts(List.of(hosts))
        .build();
  }

  static VirtualHost vhost(String name, List<String> domains, Route... routes) {
    return VirtualHost.newBuilder()
        .setName(name)
        .addAllDomains(domains)
        .addAllRoutes(List.of(routes))
        .build();
  }

  static Route.Builder route(String name, RouteMatch.Builder match, String cluster) {
    return Route.newBuilder()
        .setName(name)
        .setMatch(match)
        .setRoute(RouteAction.newBuilder().setCluster(cluster));
  }

  static RouteMatch.Builder prefix(String prefix) {
    return RouteMatch.newBuilder().setPrefix(prefix);
  }

  /**
   * An EDS cluster and its assignment: one locality per Service, weighted, with one endpoint unless
   * {@code empty}.
   */
  static Cluster cluster(String name) {
    return Cluster.newBuilder().setName(name).setType(Cluster.DiscoveryType.EDS).build();
  }

  static ClusterLoadAssignment assignment(String cluster, LocalityLbEndpoints... localities) {
    return ClusterLoadAssignment.newBuilder()
        .setClusterName(cluster)
        .addAllEndpoints(List.of(localities))
        .build();
  }

  static LocalityLbEndpoints locality(String service, int weight, boolean withEndpoint) {
    LocalityLbEndpoints.Builder builder =
        LocalityLbEndpoints.newBuilder()
            .setLoadBalancingWeight(UInt32Value.of(weight))
            .setMetadata(serviceMetadata(service));
    if (withEndpoint) {
      builder.addLbEndpoints(
          LbEndpoint.newBuilder()
              .setEndpoint(
                  Endpoint.newBuilder()
                      .setAddress(
                          Address.newBuilder()
                              .setSocketAddress(
                                  SocketAddress.newBuilder()
                                      .setAddress("10.0.0.1")
                                      .setPortValue(8080)))));
    }
    return builder.build();
  }

  static Metadata serviceMetadata(String service) {
    Struct entry =
        Struct.newBuilder()
            .putFields("kind", Value.newBuilder().setStringValue("Service").build())
            .putFields("namespace", Value.newBuilder().setStringValue("ns").build())
            .putFields("name", Value.newBuilder().setStringValue(service).build())
            .putFields("sectionName", Value.newBuilder().setStringValue("8080").build())
            .build();
    Struct resources =
        Struct.newBuilder()
            .putFields(
                "resources",
                Value.newBuilder()
                    .setListValue(
                        ListValue.newBuilder().addValues(Value.newBuilder().setStructValue(entry)))
                    .build())
            .build();
    return Metadata.newBuilder().putFilterMetadata(NAMESPACE, resources).build();
  }

  static HeaderValueOption header(
      String name, String value, HeaderValueOption.HeaderAppendAction action) {
    return HeaderValueOption.newBuilder()
        .setHeader(HeaderValue.newBuilder().setKey(name).setValue(value))
        .setAppendAction(action)
        .build();
  }

  static XdsResources resources(
      List<Listener> listeners,
      List<RouteConfiguration> routes,
      List<Cluster> clusters,
      List<ClusterLoadAssignment> endpoints) {
    return new XdsResources(listeners, routes, clusters, endpoints, List.of());
  }

  static RouteRequest get(int port, String host, String path) {
    return new RouteRequest(GATEWAY, port, "http", null, host, "GET", path, null, null);
  }

  /**
   * A connection manager like Gatewire's: RDS, the CORS filter (named {@link #CORS_FILTER}), the
   * router.
   */
  private static Filter hcm(String routeConfig) {
    return Filter.newBuilder()
        .setName("envoy.filters.network.http_connection_manager")
        .setTypedConfig(
            com.google.protobuf.Any.pack(
                HttpConnectionManager.newBuilder()
                    .setRds(Rds.newBuilder().setRouteConfigName(routeConfig))
                    .addHttpFilters(
                        HttpFilter.newBuilder()
                            .setName(CORS_FILTER)
                            .setTypedConfig(
                                com.google.protobuf.Any.pack(Cors.getDefaultInstance())))
                    .addHttpFilters(
                        HttpFilter.newBuilder()
                            .setName("envoy.filters.http.router")
                            .setTypedConfig(
                                com.google.protobuf.Any.pack(Router.getDefaultInstance())))
                    .build()))
        .build();
  }
}
