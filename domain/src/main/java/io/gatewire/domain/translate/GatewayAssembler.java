package io.gatewire.domain.translate;

import io.gatewire.domain.incremental.Memo;
import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrRoute;
import io.gatewire.domain.ir.IrRouteConfig;
import io.gatewire.domain.ir.IrSecret;
import io.gatewire.domain.ir.IrVirtualHost;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.metadata.ProvenanceRules;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ListenerProtocol;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Secret;
import io.gatewire.domain.status.Warning;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Builds the IR of one Gateway from its programmable listeners and the routes attached to them.
 * Listeners on one port share an Envoy listener. Plain HTTP shares one route configuration with one
 * virtual host per domain; HTTPS gets a TLS filter chain and route configuration per listener. A
 * domain goes only to the routes of the most specific listener that takes it, as the Gateway API
 * sends a request to the most specific matching listener; on HTTPS, a chain answers 421 for the
 * hostnames of the other HTTPS listeners on its port ({@link MisdirectedHosts}). TLS, TCP and UDP
 * ports are built by {@link L4ListenerAssembler}.
 *
 * <p>A virtual host is built from the route plans attached to its domain and the Gateway listeners
 * they came through; one built from the same ones is reused ({@link #VIRTUAL_HOSTS}).
 *
 * <p>Slightly over the usual size: the port grouping and the host-to-listener choice read the same
 * per-port state, which is clearer kept together.
 */
final class GatewayAssembler {
  /** Virtual hosts by name and domain, from their {@link Contribution}s. */
  static final String VIRTUAL_HOSTS = "translate.virtualHosts";

  private static final String ANY_ADDRESS = "0.0.0.0";

  private final MetadataOptions metadata;
  private final Memo<HostKey, BuiltHost> builtHosts;
  private final ProvenanceRules provenance;
  private final Consumer<Warning> warnings;
  private final Map<ObjectRef, Secret> secrets;

  GatewayAssembler(
      MetadataOptions metadata,
      Memos memos,
      ProvenanceRules provenance,
      Consumer<Warning> warnings,
      List<Secret> secrets) {
    this.metadata = metadata;
    this.builtHosts = memos.memo(VIRTUAL_HOSTS);
    this.provenance = provenance;
    this.warnings = warnings;
    this.secrets = secrets.stream().collect(Collectors.toMap(Secret::ref, s -> s));
  }

  /**
   * One attachment added to a virtual host: the route's plan and the Gateway listener it came
   * through.
   */
  record Contribution(RoutePlan plan, ObjectMeta gateway, Listener listener) {}

  /** A virtual host by its route configuration and domain. */
  private record HostKey(String routeConfig, String domain) {}

  /** A virtual host with the metadata warnings its building gave. */
  private record BuiltHost(IrVirtualHost host, List<Warning> warnings) {}

  GatewayPlan assemble(
      Gateway gateway, List<ListenerState> listeners, List<Attachment> attachments) {
    String key = gateway.meta().namespace() + "/" + gateway.meta().name();
    Map<String, List<ListenerState>> byEnvoyListener = new TreeMap<>();
    listeners.stream()
        .filter(ListenerState::programmable)
        .forEach(
            l ->
                byEnvoyListener
                    .computeIfAbsent(
                        L4ListenerAssembler.envoyListenerName(gateway, l.listener()),
                        n -> new ArrayList<>())
                    .add(l));

    List<IrListener> irListeners = new ArrayList<>();
    List<IrRouteConfig> routeConfigs = new ArrayList<>();
    Map<String, IrSecret> irSecrets = new TreeMap<>();
    for (Map.Entry<String, List<ListenerState>> entry : byEnvoyListener.entrySet()) {
      String listenerName = entry.getKey();
      List<ListenerState> onPort = entry.getValue();
      int portNumber = onPort.get(0).listener().port();
      ListenerProtocol protocol = onPort.get(0).listener().protocol();
      if (protocol == ListenerProtocol.TLS
          || protocol == ListenerProtocol.TCP
          || protocol == ListenerProtocol.UDP) {
        L4ListenerAssembler.listener(listenerName, ANY_ADDRESS, portNumber, onPort, attachments)
            .ifPresent(
                l -> {
                  irListeners.add(l);
                  l.proxyChains()
                      .forEach(
                          c ->
                              c.secretNames()
                                  .forEach(s -> irSecrets.computeIfAbsent(s, this::secret)));
                });
      } else if (protocol == ListenerProtocol.HTTPS) {
        List<IrListener.IrTlsChain> chains = new ArrayList<>();
        for (ListenerState l : onPort) {
          String routeConfigName = listenerName + "/" + l.listener().name();
          routeConfigs.add(
              MisdirectedHosts.add(
                  routeConfig(routeConfigName, List.of(l), onPort, attachments),
                  l,
                  onPort,
                  provenance));
          List<String> serverNames = l.listener().hostname().map(List::of).orElse(List.of());
          chains.add(
              new IrListener.IrTlsChain(
                  l.listener().name(), serverNames, l.certificateSecrets(), routeConfigName));
          for (String secretName : l.certificateSecrets()) {
            irSecrets.computeIfAbsent(secretName, this::secret);
          }
        }
        chains.sort(Comparator.comparing(IrListener.IrTlsChain::name));
        irListeners.add(new IrListener(listenerName, ANY_ADDRESS, portNumber, null, chains));
      } else {
        routeConfigs.add(routeConfig(listenerName, onPort, onPort, attachments));
        irListeners.add(
            new IrListener(listenerName, ANY_ADDRESS, portNumber, listenerName, List.of()));
      }
    }

    Map<String, ClusterPlan> clusters = new TreeMap<>();
    Set<RoutePlan> plans = Collections.newSetFromMap(new IdentityHashMap<>());
    attachments.stream()
        .filter(a -> a.listener().gateway() == gateway)
        .map(Attachment::plan)
        .filter(plans::add)
        .flatMap(p -> p.clusters().stream())
        .forEach(c -> clusters.merge(c.name(), c, ClusterPlan::mergeOrigins));
    return new GatewayPlan(
        key,
        irListeners,
        routeConfigs,
        List.copyOf(clusters.values()),
        List.copyOf(irSecrets.values()),
        null);
  }

  private IrSecret secret(String name) {
    String[] parts = name.split("/", 2);
    Secret s = secrets.get(new ObjectRef("Secret", parts[0], parts[1]));
    return new IrSecret(name, s.data().get("tls.crt"), s.data().get("tls.key"));
  }

  /**
   * One route configuration for the routes of {@code listeners}: a virtual host per domain that no
   * more specific listener of {@code onPort} takes, routes in precedence order.
   */
  private IrRouteConfig routeConfig(
      String name,
      List<ListenerState> listeners,
      List<ListenerState> onPort,
      List<Attachment> attachments) {
    Map<String, VirtualHostBuilder> hosts = new TreeMap<>();
    for (Attachment a : attachments) {
      if (!listeners.contains(a.listener())) {
        continue;
      }
      for (String domain : a.hostnames()) {
        if (!ownedBy(a.listener(), domain, onPort)) {
          continue;
        }
        VirtualHostBuilder host =
            hosts.computeIfAbsent(domain, d -> new VirtualHostBuilder(name, d));
        host.add(a, domain);
      }
    }
    List<IrVirtualHost> virtualHosts = hosts.values().stream().map(this::virtualHost).toList();
    return new IrRouteConfig(name, virtualHosts);
  }

  private IrVirtualHost virtualHost(VirtualHostBuilder builder) {
    BuiltHost built =
        builtHosts.get(
            new HostKey(builder.routeConfig, builder.domain),
            List.copyOf(builder.contributions),
            () -> {
              List<Warning> emitted = new ArrayList<>();
              IrVirtualHost host = builder.build(new ProvenanceRules(metadata, emitted::add));
              return new BuiltHost(host, List.copyOf(emitted));
            });
    built.warnings().forEach(warnings);
    return built.host();
  }

  /** Whether no more specific listener on the same port would take requests for {@code domain}. */
  private static boolean ownedBy(ListenerState owner, String domain, List<ListenerState> onPort) {
    if (onPort.size() == 1) {
      return true;
    }
    int specificity = Hostnames.specificity(owner.listener().hostname());
    for (ListenerState other : onPort) {
      if (other != owner
          && Hostnames.specificity(other.listener().hostname()) > specificity
          && Hostnames.listenerTakes(other.listener().hostname(), domain)) {
        return false;
      }
    }
    return true;
  }

  /** Collects the routes and contributing listeners of one virtual host. */
  private static final class VirtualHostBuilder {
    private final String routeConfig;
    private final String domain;
    private final Map<String, Map.Entry<ObjectMeta, String>> listeners = new TreeMap<>();
    private final Map<String, Map.Entry<Precedence, IrRoute>> routes = new TreeMap<>();
    private final List<Contribution> contributions = new ArrayList<>();
    private final List<Map.Entry<Attachment, String>> added = new ArrayList<>();

    VirtualHostBuilder(String routeConfig, String domain) {
      this.routeConfig = routeConfig;
      this.domain = domain;
    }

    /** Notes an attachment; the routes are only built if no virtual host is reused. */
    void add(Attachment a, String domain) {
      contributions.add(
          new Contribution(a.plan(), a.listener().gateway().meta(), a.listener().listener()));
      added.add(new AbstractMap.SimpleImmutableEntry<>(a, domain));
    }

    private void addRoutes(Attachment a, String domain) {
      ObjectMeta gateway = a.listener().gateway().meta();
      String listenerName = a.listener().listener().name();
      listeners.put(
          gateway.namespace() + "/" + gateway.name() + "/" + listenerName,
          new AbstractMap.SimpleImmutableEntry<>(gateway, listenerName));
      RoutePlan plan = a.plan();
      ObjectMeta meta = plan.route().meta();
      for (RoutePlan.RulePlan rule : plan.rules()) {
        for (RoutePlan.MatchPlan match : rule.matches()) {
          String routeName =
              plan.namePrefix()
                  + "/"
                  + meta.namespace()
                  + "/"
                  + meta.name()
                  + "/rule/"
                  + rule.index()
                  + "/match/"
                  + match.index()
                  + "/"
                  + Hostnames.forName(domain);
          IrAction action = RedirectPorts.forListener(rule.action(), a.listener().listener());
          IrRoute route =
              new IrRoute(
                  routeName,
                  match.match(),
                  action,
                  rule.requestHeaders(),
                  rule.responseHeaders(),
                  rule.cors(),
                  rule.metadata());
          routes.putIfAbsent(
              routeName, new AbstractMap.SimpleImmutableEntry<>(match.precedence(), route));
        }
      }
    }

    IrVirtualHost build(ProvenanceRules provenance) {
      added.forEach(e -> addRoutes(e.getKey(), e.getValue()));
      List<IrRoute> ordered =
          routes.values().stream()
              .sorted(Map.Entry.comparingByKey())
              .map(Map.Entry::getValue)
              .toList();
      return new IrVirtualHost(
          routeConfig + "/" + Hostnames.forName(domain),
          List.of(domain),
          ordered,
          provenance.virtualHost(List.copyOf(listeners.values())));
    }
  }
}
