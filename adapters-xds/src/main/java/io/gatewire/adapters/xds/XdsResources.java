package io.gatewire.adapters.xds;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The Envoy resources of one configuration, each list sorted by resource name. */
public record XdsResources(List<Listener> listeners, List<RouteConfiguration> routes, List<Cluster> clusters,
    List<ClusterLoadAssignment> endpoints, List<Secret> secrets) {

  public XdsResources {
    listeners = sorted(listeners, Listener::getName);
    routes = sorted(routes, RouteConfiguration::getName);
    clusters = sorted(clusters, Cluster::getName);
    endpoints = sorted(endpoints, ClusterLoadAssignment::getClusterName);
    secrets = sorted(secrets, Secret::getName);
  }

  private static <T> List<T> sorted(List<T> resources, Function<T, String> name) {
    return resources.stream().sorted(Comparator.comparing(name)).toList();
  }
}
