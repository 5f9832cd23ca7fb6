package io.gatewire.adapters.xds;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.gatewire.adapters.xds.mapping.ClusterMapper;
import io.gatewire.adapters.xds.mapping.EndpointMapper;
import io.gatewire.adapters.xds.mapping.GatewayContext;
import io.gatewire.adapters.xds.mapping.ListenerBinding;
import io.gatewire.adapters.xds.mapping.ListenerMapper;
import io.gatewire.adapters.xds.mapping.MetadataMapper;
import io.gatewire.adapters.xds.mapping.RouteMapper;
import io.gatewire.adapters.xds.mapping.SecretMapper;
import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.settings.GatewaySettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps one IR Gateway to Envoy resources. EDS clusters get a ClusterLoadAssignment each (empty when
 * the cluster has no locality, because ADS clients wait forever for a name that is never sent);
 * STRICT_DNS clusters carry their endpoints inline. A Gateway that traces also gets the cluster of
 * its OpenTelemetry collector. Equal metadata and endpoints share instances, through {@link Memos}
 * that its owner may keep across translations. Not thread-safe.
 */
public final class XdsTranslator {
  private final ListenerMapper listeners;
  private final RouteMapper routes;
  private final ClusterMapper clusters;
  private final EndpointMapper endpoints;
  private final SecretMapper secrets;

  public XdsTranslator(MetadataOptions options) {
    this(options, ListenerBinding.AS_GATEWAY);
  }

  /** Listeners bound as {@code binding} says rather than where the Gateway says. */
  public XdsTranslator(MetadataOptions options, ListenerBinding binding) {
    this(options, binding, new Memos());
  }

  /** Sharing instances through {@code memos}. */
  public XdsTranslator(MetadataOptions options, ListenerBinding binding, Memos memos) {
    MetadataMapper metadata = new MetadataMapper(options, memos);
    this.listeners = new ListenerMapper(binding, options);
    this.routes = new RouteMapper(metadata, options);
    this.endpoints = new EndpointMapper(metadata, memos);
    this.clusters = new ClusterMapper(metadata, endpoints);
    this.secrets = new SecretMapper();
  }

  public ListenerMapper listeners() {
    return listeners;
  }

  public RouteMapper routes() {
    return routes;
  }

  public ClusterMapper clusters() {
    return clusters;
  }

  public EndpointMapper endpoints() {
    return endpoints;
  }

  public SecretMapper secrets() {
    return secrets;
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
}
