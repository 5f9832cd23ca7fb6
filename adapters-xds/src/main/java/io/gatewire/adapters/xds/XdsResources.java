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
public record XdsResources(
    List<Listener> listeners,
    List<RouteConfiguration> routes,
    List<Cluster> clusters,
    List<ClusterLoadAssignment> endpoints,
    List<Secret> secrets) {

  public XdsResources {
    listeners = sorted(listeners, Listener::getName);
    routes = sorted(routes, RouteConfiguration::getName);
    clusters = sorted(clusters, Cluster::getName);
    endpoints = sorted(endpoints, ClusterLoadAssignment::getClusterName);
    secrets = sorted(secrets, Secret::getName);
  }

  /** Names only: the record's own would print the Secrets' private keys. */
  @Override
  public String toString() {
    return "XdsResources[listeners="
        + listeners.stream().map(Listener::getName).toList()
        + ", routes="
        + routes.stream().map(RouteConfiguration::getName).toList()
        + ", clusters="
        + clusters.stream().map(Cluster::getName).toList()
        + ", endpoints="
        + endpoints.stream().map(ClusterLoadAssignment::getClusterName).toList()
        + ", secrets="
        + secrets.stream().map(Secret::getName).toList()
        + "]";
  }

  /**
   * Several Gateways' resources as one set: a name that appears in more than one part (a cluster of
   * a route attached to two Gateways) is kept once, from the first part. Mapping is a pure function
   * of the IR, so this equals mapping {@code Ir.merged()}, without mapping everything twice.
   */
  public static XdsResources union(List<XdsResources> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return new XdsResources(
        unique(parts, XdsResources::listeners, Listener::getName),
        unique(parts, XdsResources::routes, RouteConfiguration::getName),
        unique(parts, XdsResources::clusters, Cluster::getName),
        unique(parts, XdsResources::endpoints, ClusterLoadAssignment::getClusterName),
        unique(parts, XdsResources::secrets, Secret::getName));
  }

  private static <T> List<T> unique(
      List<XdsResources> parts, Function<XdsResources, List<T>> list, Function<T, String> name) {
    java.util.Map<String, T> byName = new java.util.LinkedHashMap<>();
    parts.forEach(
        part ->
            list.apply(part)
                .forEach(resource -> byName.putIfAbsent(name.apply(resource), resource)));
    return List.copyOf(byName.values());
  }

  private static <T> List<T> sorted(List<T> resources, Function<T, String> name) {
    for (int i = 1; i < resources.size(); i++) {
      if (name.apply(resources.get(i - 1)).compareTo(name.apply(resources.get(i))) > 0) {
        return resources.stream().sorted(Comparator.comparing(name)).toList();
      }
    }
    return List.copyOf(resources);
  }
}
