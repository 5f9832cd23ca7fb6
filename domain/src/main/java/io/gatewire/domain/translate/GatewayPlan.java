package io.gatewire.domain.translate;

import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrRouteConfig;
import io.gatewire.domain.ir.IrSecret;
import io.gatewire.domain.settings.GatewaySettings;
import java.util.List;

/**
 * One Gateway's configuration as routing decides it: the IR Gateway but for the endpoints of its
 * clusters, which {@link EndpointsTranslator} adds.
 */
record GatewayPlan(
    String key,
    List<IrListener> listeners,
    List<IrRouteConfig> routeConfigs,
    List<ClusterPlan> clusters,
    List<IrSecret> secrets,
    GatewaySettings settings) {
  GatewayPlan {
    listeners = List.copyOf(listeners);
    routeConfigs = List.copyOf(routeConfigs);
    clusters = List.copyOf(clusters);
    secrets = List.copyOf(secrets);
    settings = settings == null ? GatewaySettings.DEFAULTS : settings;
  }

  /** The same plan with {@code newSettings}. */
  GatewayPlan withSettings(GatewaySettings newSettings) {
    return new GatewayPlan(key, listeners, routeConfigs, clusters, secrets, newSettings);
  }
}
