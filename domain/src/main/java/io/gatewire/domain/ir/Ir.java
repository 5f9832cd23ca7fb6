package io.gatewire.domain.ir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole IR: one part per managed Gateway, sorted by the Gateway's {@code namespace/name} key.
 */
public record Ir(List<IrGateway> gateways) {
  public static final Ir EMPTY = new Ir(List.of());

  public Ir {
    List<IrGateway> copy = new ArrayList<>(gateways);
    copy.sort(Comparator.comparing(IrGateway::key));
    gateways = List.copyOf(copy);
  }

  /**
   * All Gateways as one configuration: resources with the same name (a cluster shared by two
   * Gateways) appear once. Settings are per Gateway: the merged view carries the first Gateway's
   * (the defaults when there is none); map the Gateways one by one to honour each one's.
   */
  public IrGateway merged() {
    Map<String, IrListener> listeners = new TreeMap<>();
    Map<String, IrRouteConfig> routeConfigs = new TreeMap<>();
    Map<String, IrCluster> clusters = new TreeMap<>();
    Map<String, IrSecret> secrets = new TreeMap<>();
    for (IrGateway g : gateways) {
      g.listeners().forEach(l -> listeners.putIfAbsent(l.name(), l));
      g.routeConfigs().forEach(r -> routeConfigs.putIfAbsent(r.name(), r));
      g.clusters().forEach(c -> clusters.merge(c.name(), c, IrCluster::mergeOrigins));
      g.secrets().forEach(s -> secrets.putIfAbsent(s.name(), s));
    }
    return new IrGateway(
        "*",
        List.copyOf(listeners.values()),
        List.copyOf(routeConfigs.values()),
        List.copyOf(clusters.values()),
        List.copyOf(secrets.values()),
        gateways.isEmpty() ? null : gateways.get(0).settings());
  }
}
