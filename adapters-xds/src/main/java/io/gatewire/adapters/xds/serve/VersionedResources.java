package io.gatewire.adapters.xds.serve;

import com.google.protobuf.Message;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.Resources.ResourceType;
import io.envoyproxy.controlplane.cache.SnapshotResources;
import io.envoyproxy.controlplane.cache.VersionedResource;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.gatewire.adapters.xds.XdsTranslator;
import io.gatewire.adapters.xds.mapping.ClusterMapper;
import io.gatewire.adapters.xds.mapping.EndpointMapper;
import io.gatewire.adapters.xds.mapping.GatewayContext;
import io.gatewire.adapters.xds.mapping.RouteMapper;
import io.gatewire.domain.incremental.Memo;
import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrLocality;
import io.gatewire.domain.ir.IrRouteConfig;
import io.gatewire.domain.ir.IrSecret;
import io.gatewire.domain.ir.IrVirtualHost;
import io.gatewire.domain.settings.GatewaySettings;
import io.gatewire.domain.settings.TracingSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Each node group's resources, mapped from the IR ({@link XdsTranslator}'s mappers) and versioned
 * by content ({@link ContentVersions}). Per Gateway and xDS type, the last IR list and what was
 * made of it are remembered ({@link #TYPES}); the next IR list is walked beside it, and an item
 * that is the same instance (or equal) keeps its resource, version and instance, so only what
 * changed is mapped and hashed, and a type whose resources all stayed keeps its {@link
 * SnapshotResources} and version. Inside a route configuration the same holds per virtual host (its
 * version is built from their digests), inside a ClusterLoadAssignment per locality; an EDS cluster
 * whose endpoints alone changed keeps its Cluster. A resource built anew that equals one just built
 * for another group is that one ({@link #VERSIONS}), so groups share instances (java-control-plane
 * serializes a resource once per instance). Not thread-safe: used under the publish lock.
 *
 * <p>Longer than most classes: the per-type walks (plain, route configurations by virtual host,
 * assignments by locality) are the one unit of reuse on this side and share its memos.
 */
final class VersionedResources {
  /** Per Gateway and type: the IR list, and the resources made of it. */
  static final String TYPES = "xds.types";

  /** Resources built in this publish, by type and name: equal ones share an instance. */
  static final String VERSIONS = "xds.versions";

  /** The merged group's resources of a type, from the union of the Gateways'. */
  static final String MERGED = "xds.merged";

  /** Per tracing Gateway: its clusters with its OpenTelemetry collector's. */
  static final String COLLECTORS = "xds.collectors";

  private final XdsTranslator mappers;
  private final Memo<String, Made<?, ?>> types;
  private final Memo<Key, VersionedResource<?>> versions;
  private final Memo<ResourceType, SnapshotResources<?>> merged;
  private final Memo<String, SnapshotResources<?>> collectors;
  private final Mapping<IrListener, ?, Listener> listeners;
  private final Mapping<IrRouteConfig, RouteState, RouteConfiguration> routes;
  private final Mapping<IrCluster, ?, Cluster> clusters;
  private final Mapping<IrCluster, AssignmentState, ClusterLoadAssignment> assignments;
  private final Mapping<IrSecret, ?, Secret> secrets;

  VersionedResources(XdsTranslator mappers, Memos memos) {
    this.mappers = mappers;
    this.types = memos.memo(TYPES);
    this.versions = memos.memo(VERSIONS);
    this.merged = memos.memo(MERGED);
    this.listeners = simple(IrListener::name, mappers.listeners()::map, Object::equals);
    this.collectors = memos.memo(COLLECTORS);
    this.routes = routes();
    this.clusters =
        simple(
            IrCluster::name,
            (cluster, gateway) -> mappers.clusters().map(cluster),
            ClusterMapper::sameCluster);
    this.assignments = assignments();
    this.secrets =
        simple(IrSecret::name, (secret, gateway) -> mappers.secrets().map(secret), Object::equals);
  }

  private record Key(Class<?> type, String name) {}

  /**
   * What was made of one IR list: per item a state holding its versioned resource (and what the
   * next change of that item can reuse), all of them, and the type's snapshot resources.
   */
  private record Made<S, M extends Message>(
      List<S> states, List<VersionedResource<M>> versioned, SortedResources<M> resources) {}

  /** How the items of one type become versioned resources. */
  private interface Mapping<I, S, M extends Message> {
    String name(I item);

    /** The state of {@code item}, given the previous item of its name and state (null: none). */
    S map(I item, I previous, S previousState, GatewayContext gateway);

    VersionedResource<M> versioned(S state);
  }

  /** A route configuration with its virtual hosts' protos and digests, in order. */
  private record RouteState(
      List<VirtualHost> hosts,
      List<byte[]> digests,
      VersionedResource<RouteConfiguration> versioned) {}

  /** A ClusterLoadAssignment with its localities' protos, in order. */
  private record AssignmentState(
      List<LocalityLbEndpoints> localities, VersionedResource<ClusterLoadAssignment> versioned) {}

  /** What one type's resources of a Gateway are made from: its IR list and the Gateway. */
  private record Inputs<I>(List<I> items, GatewayContext gateway) {}

  /** The snapshot of {@code gateway}, for the node group of its key. */
  ContentVersionedSnapshot snapshot(IrGateway gateway) {
    String group = gateway.key();
    GatewayContext context = GatewayContext.of(gateway);
    SnapshotResources<Cluster> clusterResources =
        type(group, ResourceType.CLUSTER, gateway.clusters(), clusters, context);
    GatewaySettings.Tracing tracing = gateway.settings().tracing();
    if (tracing.enabled()) {
      clusterResources = withCollector(group, clusterResources, tracing.collector());
    }
    return new ContentVersionedSnapshot(
        type(group, ResourceType.LISTENER, gateway.listeners(), listeners, context),
        type(group, ResourceType.ROUTE, gateway.routeConfigs(), routes, context),
        clusterResources,
        type(
            group,
            ResourceType.ENDPOINT,
            gateway.clusters().stream()
                .filter(cluster -> cluster.discovery() == IrCluster.Discovery.EDS)
                .toList(),
            assignments,
            context),
        type(group, ResourceType.SECRET, gateway.secrets(), secrets, context));
  }

  /** A tracing Gateway's clusters: its own and its OpenTelemetry collector's. */
  @SuppressWarnings("unchecked")
  private SnapshotResources<Cluster> withCollector(
      String group, SnapshotResources<Cluster> own, TracingSpec.Collector collector) {
    return (SnapshotResources<Cluster>)
        collectors.get(
            group,
            List.of(own, collector),
            () -> {
              List<VersionedResource<Cluster>> all =
                  new ArrayList<>(own.versionedResources().values());
              all.add(version(mappers.clusters().collector(collector), null));
              return resources(all);
            });
  }

  /**
   * Every Gateway's resources as one snapshot: a name in several (a cluster of a route attached to
   * two Gateways) once, from the first. One Gateway's snapshot is its own merged one.
   */
  ContentVersionedSnapshot merged(List<ContentVersionedSnapshot> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return new ContentVersionedSnapshot(
        union(ResourceType.LISTENER, parts, ContentVersionedSnapshot::listeners),
        union(ResourceType.ROUTE, parts, ContentVersionedSnapshot::routes),
        union(ResourceType.CLUSTER, parts, ContentVersionedSnapshot::clusters),
        union(ResourceType.ENDPOINT, parts, ContentVersionedSnapshot::endpoints),
        union(ResourceType.SECRET, parts, ContentVersionedSnapshot::secrets));
  }

  @SuppressWarnings("unchecked")
  private <I, S, M extends Message> SnapshotResources<M> type(
      String group,
      ResourceType type,
      List<I> items,
      Mapping<I, S, M> mapping,
      GatewayContext gateway) {
    Made<S, M> made =
        (Made<S, M>)
            types.update(
                group + ' ' + type,
                new Inputs<>(items, gateway),
                (Inputs<I> before, Made<?, ?> previous) ->
                    before == null || !before.gateway().equals(gateway)
                        ? make(items, List.of(), null, mapping, gateway)
                        : make(items, before.items(), (Made<S, M>) previous, mapping, gateway));
    return made.resources();
  }

  /** Walks {@code items} beside the previous ones, making anew only what changed. */
  private static <I, S, M extends Message> Made<S, M> make(
      List<I> items,
      List<I> before,
      Made<S, M> previous,
      Mapping<I, S, M> mapping,
      GatewayContext gateway) {
    List<S> states = new ArrayList<>(items.size());
    List<VersionedResource<M>> versioned = new ArrayList<>(items.size());
    // while every item is where it was, the resources that changed
    boolean inPlace = previous != null && before.size() == items.size();
    List<VersionedResource<M>> changed = new ArrayList<>();
    Map<String, Integer> byName = null;
    for (int i = 0; i < items.size(); i++) {
      I item = items.get(i);
      int was = -1;
      if (previous != null) {
        if (i < before.size()
            && (before.get(i) == item || mapping.name(before.get(i)).equals(mapping.name(item)))) {
          was = i;
        } else {
          if (byName == null) {
            byName = new HashMap<>();
            for (int j = 0; j < before.size(); j++) {
              byName.put(mapping.name(before.get(j)), j);
            }
          }
          was = byName.getOrDefault(mapping.name(item), -1);
        }
      }
      S state =
          was < 0
              ? mapping.map(item, null, null, gateway)
              : before.get(was) == item
                  ? previous.states().get(was)
                  : mapping.map(item, before.get(was), previous.states().get(was), gateway);
      states.add(state);
      VersionedResource<M> resource = mapping.versioned(state);
      versioned.add(resource);
      inPlace &= was == i;
      if (inPlace && previous.versioned().get(i) != resource) {
        changed.add(resource);
      }
    }
    if (inPlace && changed.isEmpty()) {
      return new Made<>(states, previous.versioned(), previous.resources());
    }
    return new Made<>(
        states,
        versioned,
        inPlace
            ? previous.resources().with(changed)
            : SortedResources.of(versioned, previous == null ? null : previous.resources()));
  }

  @SuppressWarnings("unchecked")
  private <M extends Message> SnapshotResources<M> union(
      ResourceType type,
      List<ContentVersionedSnapshot> parts,
      Function<ContentVersionedSnapshot, SnapshotResources<M>> resources) {
    Map<String, VersionedResource<M>> byName = new LinkedHashMap<>();
    for (ContentVersionedSnapshot part : parts) {
      resources.apply(part).versionedResources().forEach(byName::putIfAbsent);
    }
    List<VersionedResource<M>> all = new ArrayList<>(new TreeMap<>(byName).values());
    return (SnapshotResources<M>) merged.get(type, all, () -> resources(all));
  }

  private static <M extends Message> SnapshotResources<M> resources(
      List<VersionedResource<M>> versioned) {
    return SortedResources.of(versioned);
  }

  /**
   * {@code resource} versioned: the previous one when equal, else the one another group just got
   * for an equal resource, else with its content version.
   */
  @SuppressWarnings("unchecked")
  private <M extends Message> VersionedResource<M> version(
      M resource, VersionedResource<M> previous) {
    if (previous != null && previous.resource().equals(resource)) {
      return previous;
    }
    return (VersionedResource<M>)
        versions.get(
            new Key(resource.getClass(), Resources.getResourceName(resource)),
            resource,
            () -> VersionedResource.create(resource, ContentVersions.of(resource)));
  }

  /** One resource per item, made anew unless the item is {@code same} as the previous one. */
  private <I, M extends Message> Mapping<I, VersionedResource<M>, M> simple(
      Function<I, String> name, BiFunction<I, GatewayContext, M> map, BiPredicate<I, I> same) {
    return new Mapping<>() {
      @Override
      public String name(I item) {
        return name.apply(item);
      }

      @Override
      public VersionedResource<M> map(
          I item, I previous, VersionedResource<M> previousState, GatewayContext gateway) {
        return previous != null && same.test(previous, item)
            ? previousState
            : version(map.apply(item, gateway), previousState);
      }

      @Override
      public VersionedResource<M> versioned(VersionedResource<M> state) {
        return state;
      }
    };
  }

  private Mapping<IrCluster, AssignmentState, ClusterLoadAssignment> assignments() {
    return new Mapping<>() {
      @Override
      public String name(IrCluster item) {
        return item.name();
      }

      @Override
      public AssignmentState map(
          IrCluster item, IrCluster previous, AssignmentState state, GatewayContext gateway) {
        if (previous != null && previous.localities().equals(item.localities())) {
          return state;
        }
        List<LocalityLbEndpoints> localities = new ArrayList<>(item.localities().size());
        for (int k = 0; k < item.localities().size(); k++) {
          IrLocality locality = item.localities().get(k);
          boolean same =
              previous != null
                  && k < previous.localities().size()
                  && previous.localities().get(k).equals(locality);
          localities.add(same ? state.localities().get(k) : mappers.endpoints().locality(locality));
        }
        return new AssignmentState(
            localities,
            version(
                EndpointMapper.assignment(item.name(), localities),
                state == null ? null : state.versioned()));
      }

      @Override
      public VersionedResource<ClusterLoadAssignment> versioned(AssignmentState state) {
        return state.versioned();
      }
    };
  }

  private Mapping<IrRouteConfig, RouteState, RouteConfiguration> routes() {
    return new Mapping<>() {
      @Override
      public String name(IrRouteConfig item) {
        return item.name();
      }

      @Override
      public RouteState map(
          IrRouteConfig item, IrRouteConfig previous, RouteState state, GatewayContext gateway) {
        if (previous != null && previous.equals(item)) {
          return state;
        }
        // the previous hosts by name, made only when a host is not where it was
        Map<String, Integer> before = null;
        List<VirtualHost> hosts = new ArrayList<>(item.virtualHosts().size());
        List<byte[]> digests = new ArrayList<>(item.virtualHosts().size());
        for (int k = 0; k < item.virtualHosts().size(); k++) {
          IrVirtualHost host = item.virtualHosts().get(k);
          int was = -1;
          if (previous != null) {
            List<IrVirtualHost> old = previous.virtualHosts();
            if (k < old.size() && (old.get(k) == host || old.get(k).name().equals(host.name()))) {
              was = k;
            } else {
              if (before == null) {
                before = new HashMap<>();
                for (int j = 0; j < old.size(); j++) {
                  before.put(old.get(j).name(), j);
                }
              }
              was = before.getOrDefault(host.name(), -1);
            }
          }
          if (was >= 0 && previous.virtualHosts().get(was).equals(host)) {
            hosts.add(state.hosts().get(was));
            digests.add(state.digests().get(was));
          } else {
            VirtualHost built = mappers.routes().virtualHost(host, gateway.settings());
            hosts.add(built);
            digests.add(ContentVersions.digest(built));
          }
        }
        RouteConfiguration config = RouteMapper.configuration(item.name(), hosts);
        String version =
            ContentVersions.ofParts(RouteMapper.configuration(item.name(), List.of()), digests);
        VersionedResource<RouteConfiguration> versioned =
            state != null && state.versioned().version().equals(version)
                ? state.versioned()
                : VersionedResource.create(config, version);
        return new RouteState(hosts, digests, versioned);
      }

      @Override
      public VersionedResource<RouteConfiguration> versioned(RouteState state) {
        return state.versioned();
      }
    };
  }
}
