package io.gatewire.domain.ir;

import java.util.Comparator;
import java.util.List;

/**
 * The Envoy configuration of one Gateway. {@code key} is {@code namespace/name}: the Envoy node's
 * {@code cluster} that selects it.
 */
public record IrGateway(
    String key,
    List<IrListener> listeners,
    List<IrRouteConfig> routeConfigs,
    List<IrCluster> clusters,
    List<IrSecret> secrets) {
  public IrGateway {
    listeners = listeners.stream().sorted(Comparator.comparing(IrListener::name)).toList();
    routeConfigs = routeConfigs.stream().sorted(Comparator.comparing(IrRouteConfig::name)).toList();
    clusters = clusters.stream().sorted(Comparator.comparing(IrCluster::name)).toList();
    secrets =
        secrets == null
            ? List.of()
            : secrets.stream().sorted(Comparator.comparing(IrSecret::name)).toList();
  }
}
