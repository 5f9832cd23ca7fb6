package io.gatewire.domain.ir;

import io.gatewire.domain.settings.GatewaySettings;
import java.util.Comparator;
import java.util.List;

/**
 * The Envoy configuration of one Gateway. {@code key} is {@code namespace/name}: the Envoy node's
 * {@code cluster} that selects it. {@code settings} are the Gateway's resolved proxy settings
 * (access log, tracing), which the xDS mappers apply to its listeners and routes.
 */
public record IrGateway(
    String key,
    List<IrListener> listeners,
    List<IrRouteConfig> routeConfigs,
    List<IrCluster> clusters,
    List<IrSecret> secrets,
    GatewaySettings settings) {
  public IrGateway {
    settings = settings == null ? GatewaySettings.DEFAULTS : settings;
    listeners = listeners.stream().sorted(Comparator.comparing(IrListener::name)).toList();
    routeConfigs = routeConfigs.stream().sorted(Comparator.comparing(IrRouteConfig::name)).toList();
    clusters = clusters.stream().sorted(Comparator.comparing(IrCluster::name)).toList();
    secrets =
        secrets == null
            ? List.of()
            : secrets.stream().sorted(Comparator.comparing(IrSecret::name)).toList();
  }

  /** A Gateway with the default settings. */
  public IrGateway(
      String key,
      List<IrListener> listeners,
      List<IrRouteConfig> routeConfigs,
      List<IrCluster> clusters,
      List<IrSecret> secrets) {
    this(key, listeners, routeConfigs, clusters, secrets, GatewaySettings.DEFAULTS);
  }

  /** The same configuration with {@code newSettings}. */
  public IrGateway withSettings(GatewaySettings newSettings) {
    return new IrGateway(key, listeners, routeConfigs, clusters, secrets, newSettings);
  }
}
