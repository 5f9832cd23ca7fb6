package io.gatewire.domain.explain;

import io.gatewire.domain.explain.Clue.BackendClue;
import io.gatewire.domain.explain.Clue.GatewayClue;
import io.gatewire.domain.explain.Clue.RouteClue;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrLocality;
import io.gatewire.domain.ir.IrRoute;
import io.gatewire.domain.ir.IrRouteConfig;
import io.gatewire.domain.ir.IrVirtualHost;
import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.metadata.ResourceOrigin;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.settings.TracingSpec;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Envoy resource names to clues, through the IR of the translation: whose every listener, filter
 * chain, route configuration, virtual host, route, cluster and locality is named as
 * docs/metadata.md says and carries its origin. Says what each name is, and that a name is not in
 * the configuration.
 */
final class EnvoyNames {
  private static final Pattern RULE = Pattern.compile("^[a-z]+route/[^/]+/[^/]+/rule/(\\d+)");
  private static final Pattern SPLIT_BACKEND = Pattern.compile("/rule/\\d+/backend/(\\d+)$");
  private static final Pattern BACKEND_INDEX = Pattern.compile("/backend/(\\d+)$");
  private static final String OTLP_CLUSTER = "gatewire/otlp/";

  private final InputObjects objects;

  EnvoyNames(InputObjects objects) {
    this.objects = objects;
  }

  /** Adds the clues {@code name} leads to, or that it is unresolved, to {@code trace}. */
  void expand(String name, Trace trace) {
    boolean found = false;
    for (IrGateway gateway : objects.result.ir().gateways()) {
      String[] key = gateway.key().split("/", 2);
      if (key.length == 2) {
        found |= listeners(gateway, key[0], key[1], name, trace);
        found |= routes(gateway, key[0], key[1], name, trace);
        found |= clusters(gateway, name, trace);
      }
    }
    if (!found && name.startsWith(OTLP_CLUSTER)) {
      found = collector(name, trace);
    }
    if (!found) {
      trace.unresolved.add("no Envoy resource named " + name + " in this configuration");
    }
  }

  private boolean listeners(IrGateway gateway, String ns, String gw, String name, Trace trace) {
    boolean found = false;
    for (IrListener listener : gateway.listeners()) {
      if (listener.name().equals(name)) {
        found = true;
        trace.xds.add(
            name
                + ": the Envoy listener of Gateway "
                + gateway.key()
                + " on port "
                + listener.port()
                + (listener.udpCluster() != null ? " (UDP)" : ""));
        listenersOnPort(ns, gw, listener).forEach(l -> trace.add(new GatewayClue(ns, gw, l)));
      }
      for (IrListener.IrProxyChain chain : listener.proxyChains()) {
        if (chain.name().equals(name)) {
          found = true;
          trace.xds.add(
              name
                  + ": the filter chain (and tcp_proxy stat prefix) of listener "
                  + chain.listener()
                  + " forwarding to "
                  + chain.cluster());
          trace.add(new GatewayClue(ns, gw, chain.listener()));
          routeOf(chain.route(), chain.cluster(), trace);
        }
      }
    }
    return found;
  }

  private boolean routes(IrGateway gateway, String ns, String gw, String name, Trace trace) {
    boolean found = false;
    for (IrRouteConfig config : gateway.routeConfigs()) {
      if (config.name().equals(name)) {
        found = true;
        trace.xds.add(name + ": a route configuration of Gateway " + gateway.key());
        gatewayListener(ns, gw, config.name(), trace);
      }
      for (IrVirtualHost host : config.virtualHosts()) {
        if (host.name().equals(name)) {
          found = true;
          trace.xds.add(
              name
                  + ": the virtual host for "
                  + String.join(", ", host.domains())
                  + " ("
                  + host.routes().size()
                  + " routes)");
          listenersOf(host.metadata(), trace);
        }
        for (IrRoute route : host.routes()) {
          if (route.name().equals(name)) {
            found = true;
            listenersOf(host.metadata(), trace);
            if (route.metadata().isEmpty()) {
              trace.xds.add(
                  name
                      + ": answers 421 for a host of another HTTPS listener on the port"
                      + " (no route made it)");
            } else {
              trace.xds.add(name + ": a route of virtual host " + host.name());
              routeOf(route.metadata().resources().get(0), route.name(), trace);
            }
          }
        }
      }
    }
    return found;
  }

  private boolean clusters(IrGateway gateway, String name, Trace trace) {
    boolean found = false;
    for (IrCluster cluster : gateway.clusters()) {
      if (cluster.name().equals(name) || cluster.name().replace('.', '_').equals(name)) {
        found = true;
        trace.xds.add(name + ": the cluster of " + describeCluster(cluster.name()));
        focusOn(cluster, SPLIT_BACKEND.matcher(cluster.name()), trace);
      }
      for (IrLocality locality : cluster.localities()) {
        if (locality.region().equals(name)) {
          found = true;
          trace.xds.add(name + ": the locality of one backendRef in cluster " + cluster.name());
          focusOn(cluster, BACKEND_INDEX.matcher(locality.region()), trace);
          locality.metadata().resources().forEach(b -> trace.add(backendOf(b)));
        }
      }
    }
    return found;
  }

  /** Adds the routes of {@code cluster}, focused on the backendRef {@code index} finds, if any. */
  private static void focusOn(IrCluster cluster, Matcher index, Trace trace) {
    boolean indexed = index.find();
    for (ResourceOrigin origin : cluster.metadata().resources()) {
      RouteClue route = routeOf(origin, cluster.name(), trace);
      if (route != null && indexed) {
        trace.focus.put(route, Integer.parseInt(index.group(1)));
      }
    }
  }

  /** The route clue of {@code origin}, its rule read from the name of an Envoy route or cluster. */
  private static RouteClue routeOf(ResourceOrigin origin, String named, Trace trace) {
    if (origin == null) {
      return null;
    }
    Matcher rule = RULE.matcher(named);
    RouteClue clue =
        new RouteClue(
            origin.kind(),
            origin.namespace(),
            origin.name(),
            rule.find() ? Integer.parseInt(rule.group(1)) : null);
    trace.add(clue);
    return clue;
  }

  private static BackendClue backendOf(ResourceOrigin origin) {
    Integer port = null;
    if (origin.sectionName() != null && origin.sectionName().matches("\\d+")) {
      port = Integer.parseInt(origin.sectionName());
    }
    return new BackendClue(origin.kind(), origin.namespace(), origin.name(), port);
  }

  private static void listenersOf(ResourceMetadata metadata, Trace trace) {
    for (ResourceOrigin origin : metadata.resources()) {
      if (origin.kind().equals("Gateway")) {
        trace.add(new GatewayClue(origin.namespace(), origin.name(), origin.sectionName()));
      }
    }
  }

  /** The Gateway listeners of an Envoy listener: those on its port, UDP or not. */
  private List<String> listenersOnPort(String ns, String gw, IrListener listener) {
    return objects
        .gateway(ns, gw)
        .map(
            g ->
                g.listeners().stream()
                    .filter(l -> l.port() == listener.port())
                    .filter(
                        l -> (listener.udpCluster() != null) == l.protocol().name().equals("UDP"))
                    .map(Listener::name)
                    .toList())
        .orElse(List.of());
  }

  /** A route configuration is an Envoy listener's, or {@code <envoy listener>/<listener>}. */
  private static void gatewayListener(String ns, String gw, String configName, Trace trace) {
    String prefix = ns + "/" + gw + "/";
    String rest = configName.substring(prefix.length());
    int slash = rest.indexOf('/');
    trace.add(new GatewayClue(ns, gw, slash >= 0 ? rest.substring(slash + 1) : null));
  }

  private boolean collector(String name, Trace trace) {
    boolean found = false;
    for (IrGateway gateway : objects.result.ir().gateways()) {
      TracingSpec.Collector collector = gateway.settings().tracing().collector();
      if (collector != null
          && name.equals(OTLP_CLUSTER + collector.host() + "/" + collector.port())) {
        found = true;
        String[] key = gateway.key().split("/", 2);
        trace.xds.add(
            name
                + ": Gatewire's cluster for the OpenTelemetry collector "
                + collector
                + " of Gateway "
                + gateway.key());
        trace.add(new GatewayClue(key[0], key[1], null));
      }
    }
    return found;
  }

  private static String describeCluster(String name) {
    Matcher rule = RULE.matcher(name);
    Matcher split = SPLIT_BACKEND.matcher(name);
    if (!rule.find()) {
      return name;
    }
    String what = "rule " + rule.group(1);
    return split.find() ? what + ", backendRef " + split.group(1) + " alone" : what;
  }
}
