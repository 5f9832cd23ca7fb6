package io.gatewire.adapters.xds.serve;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.envoyproxy.controlplane.cache.SnapshotResources;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.gatewire.adapters.xds.XdsResources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks that every name a resource makes Envoy fetch exists in the same snapshot: the RDS route
 * configuration of each listener's HTTP connection manager, the ClusterLoadAssignment of each EDS
 * cluster (its service name, or its own name), the SDS secrets of each TLS filter chain. Over ADS a
 * missing name is never answered, and for an explicit-name request the library then answers none of
 * that type. java-control-plane's own {@code ensureConsistent} only knows the legacy filter name
 * {@code envoy.http_connection_manager}, so it cannot be used.
 */
final class SnapshotConsistency {
  private SnapshotConsistency() {}

  /**
   * What is missing, one sentence per dangling reference; empty when the resources are consistent.
   */
  static List<String> violations(XdsResources resources) {
    Set<String> routes = names(resources.routes(), RouteConfiguration::getName);
    Set<String> assignments = names(resources.endpoints(), ClusterLoadAssignment::getClusterName);
    Set<String> secrets = names(resources.secrets(), Secret::getName);
    List<String> violations = new ArrayList<>();
    checkListeners(resources.listeners(), routes::contains, secrets::contains, violations);
    checkClusters(resources.clusters(), assignments::contains, violations);
    return violations;
  }

  /**
   * Like {@link #violations(XdsResources)} for {@code built}, given the consistent snapshot it
   * follows ({@code previous}, null for none): the references from listeners, or from clusters, are
   * checked again only when they or the names they point to may have changed since.
   */
  static List<String> violations(
      ContentVersionedSnapshot built, ContentVersionedSnapshot previous) {
    List<String> violations = new ArrayList<>();
    boolean listenersHold =
        previous != null
            && built.listeners() == previous.listeners()
            && sameNames(built.routes(), previous.routes())
            && sameNames(built.secrets(), previous.secrets());
    if (!listenersHold) {
      checkListeners(
          built.listeners().resources().values(),
          built.routes().versionedResources()::containsKey,
          built.secrets().versionedResources()::containsKey,
          violations);
    }
    boolean clustersHold =
        previous != null
            && built.clusters() == previous.clusters()
            && sameNames(built.endpoints(), previous.endpoints());
    if (!clustersHold) {
      checkClusters(
          built.clusters().resources().values(),
          built.endpoints().versionedResources()::containsKey,
          violations);
    }
    return violations;
  }

  private static boolean sameNames(SnapshotResources<?> a, SnapshotResources<?> b) {
    return a == b || (a instanceof SortedResources<?> sorted && sorted.sameNamesAs(b));
  }

  private static void checkListeners(
      Collection<Listener> listeners,
      Predicate<String> routes,
      Predicate<String> secrets,
      List<String> violations) {
    for (Listener listener : listeners) {
      Stream.concat(
              listener.getFilterChainsList().stream(),
              listener.hasDefaultFilterChain()
                  ? Stream.of(listener.getDefaultFilterChain())
                  : Stream.empty())
          .forEach(chain -> checkChain(listener.getName(), chain, routes, secrets, violations));
    }
  }

  private static void checkClusters(
      Collection<Cluster> clusters, Predicate<String> assignments, List<String> violations) {
    for (Cluster cluster : clusters) {
      if (cluster.getType() == Cluster.DiscoveryType.EDS) {
        String serviceName = cluster.getEdsClusterConfig().getServiceName();
        String assignment = serviceName.isEmpty() ? cluster.getName() : serviceName;
        if (!assignments.test(assignment)) {
          violations.add(
              "cluster '"
                  + cluster.getName()
                  + "' takes its endpoints from EDS '"
                  + assignment
                  + "', which the snapshot does not contain");
        }
      }
    }
  }

  private static void checkChain(
      String listener,
      FilterChain chain,
      Predicate<String> routes,
      Predicate<String> secrets,
      List<String> violations) {
    for (Filter filter : chain.getFiltersList()) {
      if (!filter.hasTypedConfig() || !filter.getTypedConfig().is(HttpConnectionManager.class)) {
        continue;
      }
      HttpConnectionManager hcm =
          unpack(filter.getTypedConfig(), HttpConnectionManager.class, listener, violations);
      if (hcm != null && hcm.hasRds() && !routes.test(hcm.getRds().getRouteConfigName())) {
        violations.add(
            "listener '"
                + listener
                + "' routes through RDS '"
                + hcm.getRds().getRouteConfigName()
                + "', which the snapshot does not contain");
      }
    }
    if (chain.hasTransportSocket()
        && chain.getTransportSocket().getTypedConfig().is(DownstreamTlsContext.class)) {
      DownstreamTlsContext tls =
          unpack(
              chain.getTransportSocket().getTypedConfig(),
              DownstreamTlsContext.class,
              listener,
              violations);
      if (tls != null) {
        sdsNames(tls.getCommonTlsContext())
            .filter(name -> !secrets.test(name))
            .forEach(
                name ->
                    violations.add(
                        "listener '"
                            + listener
                            + "' takes secret '"
                            + name
                            + "' from SDS, which the snapshot does not contain"));
      }
    }
  }

  private static Stream<String> sdsNames(CommonTlsContext tls) {
    Stream<SdsSecretConfig> validation =
        tls.hasValidationContextSdsSecretConfig()
            ? Stream.of(tls.getValidationContextSdsSecretConfig())
            : Stream.empty();
    return Stream.concat(tls.getTlsCertificateSdsSecretConfigsList().stream(), validation)
        .map(SdsSecretConfig::getName);
  }

  private static <T extends Message> T unpack(
      Any any, Class<T> type, String listener, List<String> violations) {
    try {
      return any.unpack(type);
    } catch (InvalidProtocolBufferException e) {
      violations.add(
          "listener '"
              + listener
              + "' holds a "
              + type.getSimpleName()
              + " that does not parse: "
              + e.getMessage());
      return null;
    }
  }

  private static <T> Set<String> names(List<T> resources, Function<T, String> name) {
    return resources.stream().map(name).collect(Collectors.toSet());
  }
}
