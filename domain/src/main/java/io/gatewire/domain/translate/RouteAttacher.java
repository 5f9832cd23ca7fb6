package io.gatewire.domain.translate;

import io.gatewire.domain.model.AllowedRoutes;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.Namespace;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.ParentRef;
import io.gatewire.domain.model.Route;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.Reasons;
import io.gatewire.domain.status.Warning;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides whether a route attaches to the listeners a parentRef selects: by sectionName and port,
 * by the listeners' allowed kinds and namespaces, and by hostname intersection.
 */
final class RouteAttacher {
  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private final Map<String, Map<String, String>> namespaceLabels = new TreeMap<>();
  private final List<Gateway> allGateways;
  private final Map<ObjectRef, Gateway> ourGateways;
  private final Map<ObjectRef, List<ListenerState>> listeners;
  private Set<ObjectRef> existingGateways;

  /**
   * Attaches routes to the listeners ({@code listeners}, as validated) of {@code ourGateways}, the
   * Gateways of ours among {@code allGateways}.
   */
  RouteAttacher(
      List<Namespace> namespaces,
      List<Gateway> allGateways,
      Map<ObjectRef, Gateway> ourGateways,
      Map<ObjectRef, List<ListenerState>> listeners) {
    for (Namespace ns : namespaces) {
      Map<String, String> labels = new TreeMap<>(ns.meta().labels());
      labels.put(NAMESPACE_NAME_LABEL, ns.meta().name());
      namespaceLabels.put(ns.meta().name(), labels);
    }
    this.allGateways = allGateways;
    this.ourGateways = ourGateways;
    this.listeners = listeners;
  }

  /**
   * What attaching a route gave: an outcome per distinct parentRef naming a Gateway of ours, the
   * attachments that reach Envoy, and a warning per parentRef naming a Gateway that does not exist.
   */
  record Attached(
      List<RoutingTranslator.ParentOutcome> outcomes,
      List<Attachment> attachments,
      List<Warning> warnings) {}

  /** Attaches the route of {@code plan} through each of its parentRefs. */
  Attached attachAll(RoutePlan plan) {
    List<RoutingTranslator.ParentOutcome> outcomes = new ArrayList<>(1);
    List<Attachment> attachments = new ArrayList<>(1);
    List<Warning> warnings = new ArrayList<>(0);
    for (ParentRef ref : List.copyOf(new LinkedHashSet<>(plan.parentRefs()))) {
      Gateway gateway = ourGateway(ref, plan.route());
      if (gateway == null) {
        StatusConditions.missingGateway(ref, plan.route(), existingGateways())
            .ifPresent(warnings::add);
        continue;
      }
      if (plan.allRulesDropped()) {
        outcomes.add(new RoutingTranslator.ParentOutcome(plan, ref, null));
        continue;
      }
      Outcome outcome = attach(plan, ref, gateway, listeners.get(gateway.ref()));
      attachments.addAll(outcome.attachments());
      outcomes.add(new RoutingTranslator.ParentOutcome(plan, ref, outcome));
    }
    return new Attached(List.copyOf(outcomes), List.copyOf(attachments), List.copyOf(warnings));
  }

  private Gateway ourGateway(ParentRef ref, Route route) {
    if (!namesGateway(ref)) {
      return null;
    }
    return ourGateways.get(
        new ObjectRef("Gateway", ref.namespaceOr(route.meta().namespace()), ref.name()));
  }

  private Set<ObjectRef> existingGateways() {
    if (existingGateways == null) {
      existingGateways = new TreeSet<>();
      allGateways.forEach(g -> existingGateways.add(g.ref()));
    }
    return existingGateways;
  }

  /**
   * The outcome for one parentRef: the Accepted condition; the listeners the route counts as
   * attached to for {@code attachedRoutes} (the parentRef selects them, their allowedRoutes allow
   * the route and their hostnames intersect the route's, whatever the listener's health: the
   * conformance suite counts a route only on the listeners that accept it); and the attachments
   * that reach Envoy (those of them that are programmed).
   */
  record Outcome(
      Condition accepted, List<ListenerState> attachedTo, List<Attachment> attachments) {}

  Outcome attach(RoutePlan plan, ParentRef ref, Gateway gateway, List<ListenerState> listeners) {
    Route route = plan.route();
    long generation = route.meta().generation();
    List<ListenerState> selected = new ArrayList<>();
    for (ListenerState l : listeners) {
      boolean sectionOk = ref.sectionName().map(s -> s.equals(l.listener().name())).orElse(true);
      boolean portOk = !ref.port().isPresent() || ref.port().getAsInt() == l.listener().port();
      if (sectionOk && portOk) {
        selected.add(l);
      }
    }
    if (selected.isEmpty()) {
      return rejected(
          Reasons.NO_MATCHING_PARENT,
          "no listener of Gateway " + gateway.ref().namespacedName() + " matches " + describe(ref),
          generation);
    }
    List<ListenerState> allowed = new ArrayList<>();
    for (ListenerState l : selected) {
      if (l.accepts(plan.kind()) && namespaceAllowed(l, gateway, route.meta().namespace())) {
        allowed.add(l);
      }
    }
    if (allowed.isEmpty()) {
      return rejected(
          Reasons.NOT_ALLOWED_BY_LISTENERS,
          "no listener of Gateway "
              + gateway.ref().namespacedName()
              + " allows this "
              + plan.kind()
              + " from namespace "
              + route.meta().namespace(),
          generation);
    }
    List<Attachment> attachments = new ArrayList<>();
    List<ListenerState> attachedTo = new ArrayList<>();
    for (ListenerState l : allowed) {
      List<String> hostnames = Hostnames.intersect(l.listener().hostname(), route.hostnames());
      if (hostnames.isEmpty()) {
        continue;
      }
      attachedTo.add(l);
      if (l.programmable()) {
        attachments.add(new Attachment(plan, l, hostnames));
      }
    }
    if (attachedTo.isEmpty()) {
      return rejected(
          Reasons.NO_MATCHING_LISTENER_HOSTNAME,
          "no hostname of the route matches a listener of Gateway "
              + gateway.ref().namespacedName(),
          generation);
    }
    return new Outcome(
        Condition.isTrue(Reasons.ACCEPTED, Reasons.ACCEPTED, "Route is accepted", generation),
        attachedTo,
        attachments);
  }

  private static Outcome rejected(String reason, String message, long generation) {
    return new Outcome(
        Condition.isFalse(Reasons.ACCEPTED, reason, message, generation), List.of(), List.of());
  }

  private boolean namespaceAllowed(ListenerState l, Gateway gateway, String routeNamespace) {
    AllowedRoutes allowed = l.listener().allowedRoutes();
    switch (allowed.from()) {
      case ALL:
        return true;
      case SELECTOR:
        Map<String, String> labels =
            namespaceLabels.getOrDefault(
                routeNamespace, Map.of(NAMESPACE_NAME_LABEL, routeNamespace));
        return allowed.selector().map(s -> s.matches(labels)).orElse(false);
      case SAME:
      default:
        return gateway.meta().namespace().equals(routeNamespace);
    }
  }

  static boolean namesGateway(ParentRef ref) {
    return GatewayApi.GROUP.equals(ref.group()) && "Gateway".equals(ref.kind());
  }

  private static String describe(ParentRef ref) {
    StringBuilder b = new StringBuilder("parentRef");
    ref.sectionName().ifPresent(s -> b.append(" sectionName ").append(s));
    ref.port().ifPresent(p -> b.append(" port ").append(p));
    return b.toString();
  }
}
