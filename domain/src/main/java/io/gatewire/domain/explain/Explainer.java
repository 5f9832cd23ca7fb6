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
import io.gatewire.domain.model.Backend;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayClass;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.GrpcRoute;
import io.gatewire.domain.model.HttpBackendRef;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.model.HttpRouteMatch;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.L4Route;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Route;
import io.gatewire.domain.model.Service;
import io.gatewire.domain.model.ServiceImport;
import io.gatewire.domain.settings.TracingSpec;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.StatusBody;
import io.gatewire.domain.status.Warning;
import io.gatewire.domain.translate.TranslationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Traces clues back to the objects of one translation: Envoy names through the IR (whose every part
 * is named as docs/metadata.md says and carries its origin), then Gateway and listener, route and
 * rule, the rule's backendRefs, the backends and their EndpointSlices, each with its location, its
 * status and the translation's warnings about it. What a clue names but the input does not hold is
 * reported as unresolved, never guessed.
 */
public final class Explainer {
  private static final Pattern RULE = Pattern.compile("^[a-z]+route/[^/]+/[^/]+/rule/(\\d+)");
  private static final Pattern SPLIT_BACKEND = Pattern.compile("/rule/\\d+/backend/(\\d+)$");
  private static final String OTLP_CLUSTER = "gatewire/otlp/";

  private final GatewayResources resources;
  private final TranslationResult result;
  private final Function<ObjectRef, String> locations;

  /**
   * @param resources the translated input
   * @param result its translation
   * @param locations where each object was read ({@code file:line}, or a cluster object and its
   *     resourceVersion); null when unknown
   */
  public Explainer(
      GatewayResources resources, TranslationResult result, Function<ObjectRef, String> locations) {
    this.resources = resources;
    this.result = result;
    this.locations = locations;
  }

  /** What {@code clues}, read from {@code input} as {@code understoodAs}, lead back to. */
  public Explanation explain(String input, String understoodAs, List<Clue> clues) {
    Trace trace = new Trace();
    for (Clue clue : clues) {
      if (clue instanceof Clue.XdsName xds) {
        expand(xds.name(), trace);
      } else {
        trace.add(clue);
      }
    }
    List<Explanation.Item> items = new ArrayList<>();
    gatewayItems(trace, items);
    routeItems(trace, items);
    backendItems(trace, items);
    return new Explanation(
        input, understoodAs, items, List.copyOf(trace.xds), List.copyOf(trace.unresolved));
  }

  /** The clues gathered from the input, and what was said along the way. */
  private static final class Trace {
    final Set<GatewayClue> gateways = new LinkedHashSet<>();
    final Set<RouteClue> routes = new LinkedHashSet<>();
    final Set<BackendClue> backends = new LinkedHashSet<>();

    /** Route rules whose backendRef of that index is the one the input is about. */
    final Map<RouteClue, Integer> focus = new LinkedHashMap<>();

    final Set<String> xds = new LinkedHashSet<>();
    final Set<String> unresolved = new LinkedHashSet<>();

    void add(Clue clue) {
      if (clue instanceof GatewayClue g) {
        gateways.add(g);
      } else if (clue instanceof RouteClue r) {
        routes.add(r);
      } else if (clue instanceof BackendClue b) {
        backends.add(b);
      }
    }
  }

  // ---- Envoy names to clues

  private void expand(String name, Trace trace) {
    boolean found = false;
    for (IrGateway gateway : result.ir().gateways()) {
      found |= expandIn(gateway, name, trace);
    }
    if (!found && name.startsWith(OTLP_CLUSTER)) {
      found = collector(name, trace);
    }
    if (!found) {
      trace.unresolved.add("no Envoy resource named " + name + " in this configuration");
    }
  }

  private boolean expandIn(IrGateway gateway, String name, Trace trace) {
    String[] key = gateway.key().split("/", 2);
    if (key.length != 2) {
      return false;
    }
    String ns = key[0];
    String gw = key[1];
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
    for (IrCluster cluster : gateway.clusters()) {
      if (cluster.name().equals(name) || cluster.name().replace('.', '_').equals(name)) {
        found = true;
        trace.xds.add(name + ": the cluster of " + describeCluster(cluster.name()));
        for (ResourceOrigin origin : cluster.metadata().resources()) {
          RouteClue route = routeOf(origin, cluster.name(), trace);
          Matcher split = SPLIT_BACKEND.matcher(cluster.name());
          if (route != null && split.find()) {
            trace.focus.put(route, Integer.parseInt(split.group(1)));
          }
        }
      }
      for (IrLocality locality : cluster.localities()) {
        if (locality.region().equals(name)) {
          found = true;
          trace.xds.add(name + ": the locality of one backendRef in cluster " + cluster.name());
          for (ResourceOrigin origin : cluster.metadata().resources()) {
            RouteClue route = routeOf(origin, cluster.name(), trace);
            Matcher index = Pattern.compile("/backend/(\\d+)$").matcher(locality.region());
            if (route != null && index.find()) {
              trace.focus.put(route, Integer.parseInt(index.group(1)));
            }
          }
          locality.metadata().resources().forEach(b -> trace.add(backendOf(b)));
        }
      }
    }
    return found;
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
    return gateway(ns, gw)
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
  private void gatewayListener(String ns, String gw, String configName, Trace trace) {
    String prefix = ns + "/" + gw + "/";
    String rest = configName.substring(prefix.length());
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      trace.add(new GatewayClue(ns, gw, rest.substring(slash + 1)));
    } else {
      trace.add(new GatewayClue(ns, gw, null));
    }
  }

  private boolean collector(String name, Trace trace) {
    boolean found = false;
    for (IrGateway gateway : result.ir().gateways()) {
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

  // ---- clues to objects

  private void gatewayItems(Trace trace, List<Explanation.Item> items) {
    Map<String, List<GatewayClue>> byGateway = new LinkedHashMap<>();
    for (GatewayClue clue : trace.gateways) {
      byGateway
          .computeIfAbsent(clue.namespace() + "/" + clue.name(), k -> new ArrayList<>())
          .add(clue);
    }
    for (List<GatewayClue> clues : byGateway.values()) {
      GatewayClue first = clues.get(0);
      Optional<Gateway> found = gateway(first.namespace(), first.name());
      if (found.isEmpty()) {
        trace.unresolved.add(
            "Gateway " + first.namespace() + "/" + first.name() + " is not in the input");
        continue;
      }
      Gateway gateway = found.get();
      List<String> details = new ArrayList<>();
      Optional<GatewayClass> gatewayClass =
          resources.gatewayClasses().stream()
              .filter(c -> c.meta().name().equals(gateway.gatewayClassName()))
              .findFirst();
      details.add(
          "class "
              + gateway.gatewayClassName()
              + gatewayClass
                  .map(c -> ": " + conditions(classConditions(c)))
                  .orElse(" (not in the input)"));
      gatewayClass
          .flatMap(GatewayClass::parametersRef)
          .ifPresent(ref -> details.add("class parametersRef " + ref));
      gateway.parametersRef().ifPresent(ref -> details.add("infrastructure parametersRef " + ref));
      Optional<StatusBody.GatewayStatus> status = status(gateway, StatusBody.GatewayStatus.class);
      Set<String> listeners = new LinkedHashSet<>();
      clues.stream().map(GatewayClue::listener).filter(l -> l != null).forEach(listeners::add);
      for (String name : listeners) {
        Optional<Listener> listener =
            gateway.listeners().stream().filter(l -> l.name().equals(name)).findFirst();
        if (listener.isEmpty()) {
          trace.unresolved.add(
              "Gateway " + gateway.ref().namespacedName() + " has no listener " + name);
          continue;
        }
        Listener l = listener.get();
        StringBuilder line =
            new StringBuilder("listener ")
                .append(name)
                .append(": ")
                .append(l.protocol())
                .append(" port ")
                .append(l.port());
        l.hostname().ifPresent(h -> line.append(" hostname ").append(h));
        status
            .flatMap(s -> s.listeners().stream().filter(ls -> ls.name().equals(name)).findFirst())
            .ifPresent(
                ls ->
                    line.append("; ")
                        .append(conditions(ls.conditions()))
                        .append("; ")
                        .append(ls.attachedRoutes())
                        .append(ls.attachedRoutes() == 1 ? " route" : " routes")
                        .append(" attached"));
        details.add(line.toString());
      }
      items.add(
          item(
              gateway,
              status.map(StatusBody.GatewayStatus::conditions).orElse(List.of()),
              details));
    }
  }

  private List<Condition> classConditions(GatewayClass gatewayClass) {
    return status(gatewayClass, StatusBody.GatewayClassStatus.class)
        .map(StatusBody.GatewayClassStatus::conditions)
        .orElse(List.of());
  }

  private void routeItems(Trace trace, List<Explanation.Item> items) {
    Set<BackendClue> named = Set.copyOf(trace.backends);
    Map<ObjectRef, List<RouteClue>> byRoute = new LinkedHashMap<>();
    for (RouteClue clue : trace.routes) {
      Optional<Route> route = route(clue);
      if (route.isEmpty()) {
        trace.unresolved.add(
            clue.kind() + " " + clue.namespace() + "/" + clue.name() + " is not in the input");
        continue;
      }
      byRoute.computeIfAbsent(route.get().ref(), k -> new ArrayList<>()).add(clue);
    }
    for (Map.Entry<ObjectRef, List<RouteClue>> entry : byRoute.entrySet()) {
      Route route = route(entry.getValue().get(0)).orElseThrow();
      List<String> details = new ArrayList<>();
      status(route, StatusBody.RouteStatus.class)
          .ifPresent(
              s ->
                  s.parents()
                      .forEach(
                          p ->
                              details.add(
                                  "parent "
                                      + p.parentRef().kind()
                                      + " "
                                      + (p.parentRef().namespace() == null
                                          ? ""
                                          : p.parentRef().namespace() + "/")
                                      + p.parentRef().name()
                                      + (p.parentRef().sectionName() == null
                                          ? ""
                                          : " sectionName " + p.parentRef().sectionName())
                                      + ": "
                                      + conditions(p.conditions()))));
      Set<Integer> rules = new java.util.TreeSet<>();
      entry.getValue().stream().map(RouteClue::rule).filter(r -> r != null).forEach(rules::add);
      for (int index : rules) {
        List<Rule> all = rules(route);
        if (index >= all.size()) {
          trace.unresolved.add(
              route.ref() + " has no rule " + index + " (it has " + all.size() + ")");
          continue;
        }
        Rule rule = all.get(index);
        details.add(
            "rule "
                + index
                + rule.name().map(n -> " \"" + n + "\"").orElse("")
                + (rule.matches().isEmpty() ? "" : ": " + rule.matches()));
        Integer focus = null;
        for (RouteClue clue : entry.getValue()) {
          if (trace.focus.containsKey(clue)) {
            focus = trace.focus.get(clue);
          }
        }
        for (int k = 0; k < rule.backendRefs().size(); k++) {
          BackendRef ref = rule.backendRefs().get(k);
          BackendClue backend = backendClue(ref, route.meta().namespace());
          boolean thisOne = focus == null ? matches(named, backend) : focus == k;
          details.add(
              "backendRef "
                  + k
                  + ": "
                  + ref.kind()
                  + " "
                  + backend.namespace()
                  + "/"
                  + ref.name()
                  + (ref.port().isPresent() ? " port " + ref.port().getAsInt() : "")
                  + " weight "
                  + ref.weight()
                  + (thisOne ? "  <- this one" : ""));
          if (thisOne || (focus == null && named.isEmpty())) {
            trace.backends.add(backend);
          }
        }
      }
      items.add(item(route, List.of(), details));
    }
  }

  private void backendItems(Trace trace, List<Explanation.Item> items) {
    Set<ObjectRef> done = new LinkedHashSet<>();
    for (BackendClue clue : trace.backends) {
      Optional<KubernetesObject> backend = backend(clue);
      if (backend.isEmpty()) {
        trace.unresolved.add(
            clue.kind() + " " + clue.namespace() + "/" + clue.name() + " is not in the input");
        continue;
      }
      if (!done.add(backend.get().ref())) {
        continue;
      }
      List<String> details = new ArrayList<>();
      List<EndpointSlice> slices = List.of();
      if (backend.get() instanceof Service service) {
        details.add(
            "type "
                + service.type()
                + ", ports "
                + service.ports().stream().map(p -> p.port() + "/" + p.protocol()).toList()
                + service.clusterIp().map(ip -> ", clusterIP " + ip).orElse(""));
        slices =
            slices(
                service.meta().namespace(),
                service.meta().name(),
                EndpointSlice.SERVICE_NAME_LABEL);
      } else if (backend.get() instanceof ServiceImport imported) {
        details.add("type " + imported.type() + ", ips " + imported.ips());
        slices =
            slices(
                imported.meta().namespace(),
                imported.meta().name(),
                EndpointSlice.MCS_SERVICE_NAME_LABEL);
      } else if (backend.get() instanceof Backend envoyBackend) {
        details.add("endpoints " + envoyBackend.endpoints());
      }
      if (clue.port() != null) {
        details.add("port " + clue.port());
      }
      if (!(backend.get() instanceof Backend)) {
        details.add(slices.isEmpty() ? "no EndpointSlice" : slices.size() + " EndpointSlice(s)");
      }
      items.add(item(backend.get(), List.of(), details));
      for (EndpointSlice slice : slices) {
        long ready = slice.endpoints().stream().filter(EndpointSlice.Endpoint::isReady).count();
        items.add(
            item(
                slice,
                List.of(),
                List.of(
                    slice.endpoints().size()
                        + " endpoints, "
                        + ready
                        + " ready: "
                        + slice.endpoints().stream()
                            .flatMap(e -> e.addresses().stream())
                            .collect(Collectors.joining(", ")))));
      }
    }
  }

  // ---- lookups

  /** A rule of any route kind: name, matches (as text) and backendRefs. */
  private record Rule(Optional<String> name, String matches, List<BackendRef> backendRefs) {}

  private static List<Rule> rules(Route route) {
    if (route instanceof HttpRoute http) {
      return http.rules().stream()
          .map(
              r ->
                  new Rule(
                      r.name(),
                      r.matches().stream()
                          .map(Explainer::match)
                          .collect(Collectors.joining(" or ")),
                      r.backendRefs().stream().map(HttpBackendRef::ref).toList()))
          .toList();
    }
    if (route instanceof GrpcRoute grpc) {
      return grpc.rules().stream()
          .map(
              r ->
                  new Rule(
                      r.name(),
                      r.matches().stream()
                          .map(
                              m ->
                                  m.method()
                                      .map(
                                          method ->
                                              method.service().orElse("*")
                                                  + "/"
                                                  + method.method().orElse("*"))
                                      .orElse("any method"))
                          .collect(Collectors.joining(" or ")),
                      r.backendRefs().stream().map(HttpBackendRef::ref).toList()))
          .toList();
    }
    return ((L4Route) route)
        .rules().stream().map(r -> new Rule(r.name(), "", r.backendRefs())).toList();
  }

  private static String match(HttpRouteMatch match) {
    String path =
        switch (match.path().type()) {
              case EXACT -> "Exact ";
              case PATH_PREFIX -> "PathPrefix ";
              case REGULAR_EXPRESSION -> "RegularExpression ";
            }
            + match.path().value();
    StringBuilder text = new StringBuilder(path);
    match.method().ifPresent(m -> text.append(" method ").append(m));
    match
        .headers()
        .forEach(h -> text.append(" header ").append(h.name()).append('=').append(h.value()));
    match
        .queryParams()
        .forEach(q -> text.append(" query ").append(q.name()).append('=').append(q.value()));
    return text.toString();
  }

  private Optional<Gateway> gateway(String namespace, String name) {
    return resources.gateways().stream()
        .filter(g -> g.meta().namespace().equals(namespace) && g.meta().name().equals(name))
        .findFirst();
  }

  private Optional<Route> route(RouteClue clue) {
    List<Route> all = new ArrayList<>();
    all.addAll(resources.httpRoutes());
    all.addAll(resources.grpcRoutes());
    all.addAll(resources.l4Routes());
    return all.stream()
        .filter(r -> r.meta().kind().equalsIgnoreCase(clue.kind()))
        .filter(r -> r.meta().namespace().equals(clue.namespace()))
        .filter(
            r ->
                r.meta().name().equals(clue.name())
                    || r.meta().name().replace('.', '_').equals(clue.name()))
        .findFirst();
  }

  private Optional<KubernetesObject> backend(BackendClue clue) {
    List<KubernetesObject> all = new ArrayList<>();
    all.addAll(resources.services());
    all.addAll(resources.serviceImports());
    all.addAll(resources.backends());
    return all.stream()
        .filter(o -> o.meta().kind().equalsIgnoreCase(clue.kind()))
        .filter(o -> o.meta().namespace().equals(clue.namespace()))
        .filter(
            o ->
                o.meta().name().equals(clue.name())
                    || o.meta().name().replace('.', '_').equals(clue.name()))
        .findFirst();
  }

  private static BackendClue backendClue(BackendRef ref, String routeNamespace) {
    return new BackendClue(
        ref.kind(),
        ref.namespaceOr(routeNamespace),
        ref.name(),
        ref.port().isPresent() ? ref.port().getAsInt() : null);
  }

  /** Whether {@code backend} is one the input names (its port too, when both say one). */
  private static boolean matches(Set<BackendClue> named, BackendClue backend) {
    return named.stream()
        .anyMatch(
            n ->
                n.kind().equalsIgnoreCase(backend.kind())
                    && n.namespace().equals(backend.namespace())
                    && (n.name().equals(backend.name())
                        || n.name().equals(backend.name().replace('.', '_')))
                    && (n.port() == null || n.port().equals(backend.port())));
  }

  private List<EndpointSlice> slices(String namespace, String service, String label) {
    return resources.endpointSlices().stream()
        .filter(s -> s.meta().namespace().equals(namespace))
        .filter(s -> service.equals(s.meta().labels().get(label)))
        .toList();
  }

  private <T extends StatusBody> Optional<T> status(KubernetesObject object, Class<T> type) {
    return result.statuses().stream()
        .filter(
            s ->
                s.kind().equals(object.meta().kind())
                    && s.namespace().equals(object.meta().namespace())
                    && s.name().equals(object.meta().name()))
        .map(ObjectStatus::status)
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst();
  }

  private Explanation.Item item(
      KubernetesObject object, List<Condition> conditions, List<String> details) {
    List<String> warnings =
        result.warnings().stream()
            .filter(w -> object.ref().equals(w.object()))
            .map(Warning::message)
            .toList();
    return new Explanation.Item(
        object.ref(), locations.apply(object.ref()), conditions, details, warnings);
  }

  private static String conditions(List<Condition> conditions) {
    return conditions.stream()
        .map(
            c ->
                c.type()
                    + "="
                    + c.status()
                    + " ("
                    + c.reason()
                    + (c.holds() == c.type().equals("Conflicted") ? ": " + c.message() : "")
                    + ")")
        .collect(Collectors.joining(", "));
  }

  /**
   * The locality zone Gatewire gives a backend ({@code <kind>/<ns>/<name>[/<port>]}), as a clue.
   */
  public static Optional<BackendClue> backendOfZone(String zone) {
    String[] parts = zone.split("/");
    if (parts.length < 3 || parts.length > 4) {
      return Optional.empty();
    }
    Integer port = null;
    if (parts.length == 4) {
      if (!parts[3].matches("\\d+")) {
        return Optional.empty();
      }
      port = Integer.parseInt(parts[3]);
    }
    return Optional.of(
        new BackendClue(parts[0].toLowerCase(Locale.ROOT), parts[1], parts[2], port));
  }
}
