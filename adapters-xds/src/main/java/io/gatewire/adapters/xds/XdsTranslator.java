package io.gatewire.adapters.xds;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.gatewire.adapters.xds.mapping.ClusterMapper;
import io.gatewire.adapters.xds.mapping.EndpointMapper;
import io.gatewire.adapters.xds.mapping.GatewayContext;
import io.gatewire.adapters.xds.mapping.ListenerBinding;
import io.gatewire.adapters.xds.mapping.ListenerMapper;
import io.gatewire.adapters.xds.mapping.MetadataMapper;
import io.gatewire.adapters.xds.mapping.RouteMapper;
import io.gatewire.adapters.xds.mapping.SecretMapper;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.settings.GatewaySettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps one IR Gateway to Envoy resources. EDS clusters get a ClusterLoadAssignment each (empty when
 * the cluster has no locality, because ADS clients wait forever for a name that is never sent);
 * STRICT_DNS clusters carry their endpoints inline. A Gateway that traces also gets the cluster of
 * its OpenTelemetry collector. Equal IR maps to the same proto instances, within one publish and
 * across publishes; {@link #forgetUnused()} bounds what is remembered to the latest publish. Not
 * thread-safe.
 */
public final class XdsTranslator {
  private final ListenerMapper listeners;
  private final RouteMapper routes;
  private final ClusterMapper clusters;
  private final EndpointMapper endpoints;
  private final SecretMapper secrets;
  private final MetadataMapper metadata;

  public XdsTranslator(MetadataOptions options) {
    this(options, ListenerBinding.AS_GATEWAY);
  }

  /** Listeners bound as {@code binding} says rather than where the Gateway says. */
  public XdsTranslator(MetadataOptions options, ListenerBinding binding) {
    this.metadata = new MetadataMapper(options);
    this.listeners = new ListenerMapper(binding, options);
    this.routes = new RouteMapper(metadata, options);
    this.endpoints = new EndpointMapper(metadata);
    this.clusters = new ClusterMapper(metadata, endpoints);
    this.secrets = new SecretMapper();
  }

  /** The resources of one Gateway, built with its settings. */
  public XdsResources translate(IrGateway gateway) {
    GatewayContext context = GatewayContext.of(gateway);
    List<Cluster> all = new ArrayList<>(gateway.clusters().size() + 1);
    gateway.clusters().forEach(cluster -> all.add(clusters.map(cluster)));
    GatewaySettings.Tracing tracing = gateway.settings().tracing();
    if (tracing.enabled()) {
      all.add(clusters.collector(tracing.collector()));
    }
    return new XdsResources(
        gateway.listeners().stream().map(listener -> listeners.map(listener, context)).toList(),
        gateway.routeConfigs().stream().map(config -> routes.map(config, context)).toList(),
        all,
        gateway.clusters().stream()
            .filter(cluster -> cluster.discovery() == IrCluster.Discovery.EDS)
            .map(endpoints::map)
            .toList(),
        gateway.secrets().stream().map(secrets::map).toList());
  }

  /**
   * The resources of every Gateway as one set, each Gateway's built with its own settings (a
   * resource named alike in several keeps the first Gateway's, see {@link XdsResources#union}).
   */
  public XdsResources translate(Ir ir) {
    return XdsResources.union(ir.gateways().stream().map(this::translate).toList());
  }

  /** The ClusterLoadAssignment of one EDS cluster, as {@link #translate} gives it. */
  public ClusterLoadAssignment endpoints(IrCluster cluster) {
    return endpoints.map(cluster);
  }

  /**
   * The entries each mapper's memos hold (listeners, routes, clusters, endpoints, metadata): what a
   * leak check watches, as they must shrink when IR goes away.
   */
  public Map<String, Integer> memoSizes() {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    sizes.put("listeners", listeners.memoSize());
    sizes.put("routes", routes.memoSize());
    sizes.put("clusters", clusters.memoSize());
    sizes.put("endpoints", endpoints.memoSize());
    sizes.put("metadata", metadata.memoSize());
    return sizes;
  }

  /** Ends a publish: forgets the protos of IR that was not translated since the previous call. */
  public void forgetUnused() {
    listeners.roll();
    routes.roll();
    clusters.roll();
    endpoints.roll();
    metadata.roll();
  }
}
