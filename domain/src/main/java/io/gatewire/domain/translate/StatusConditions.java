package io.gatewire.domain.translate;

import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayClass;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.ParentRef;
import io.gatewire.domain.model.Route;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.Reasons;
import io.gatewire.domain.status.StatusBody;
import io.gatewire.domain.status.Warning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The status conditions of what this controller manages: an accepted GatewayClass; a Gateway's
 * Accepted and Programmed conditions with each listener's own and its count of attached routes; a
 * route's entry per parentRef of ours with Accepted, ResolvedRefs and, when rules were dropped,
 * PartiallyInvalid. Every condition carries the object's generation as observed.
 */
final class StatusConditions {
  private final String controllerName;

  StatusConditions(String controllerName) {
    this.controllerName = controllerName;
  }

  /**
   * What a GatewayClass or Gateway with a parametersRef problem is told: its settings are not used,
   * the rest is.
   */
  static final String PROGRAMMED_ANYWAY =
      "; the Gateway is programmed with the settings of the other levels";

  /**
   * An accepted GatewayClass; not accepted (InvalidParameters) when its parametersRef has {@code
   * problem}.
   */
  StatusBody.GatewayClassStatus gatewayClass(GatewayClass c, Optional<String> problem) {
    long generation = c.meta().generation();
    return new StatusBody.GatewayClassStatus(
        List.of(
            problem
                .map(
                    p ->
                        Condition.isFalse(
                            Reasons.ACCEPTED,
                            Reasons.INVALID_PARAMETERS,
                            p + PROGRAMMED_ANYWAY,
                            generation))
                .orElseGet(
                    () ->
                        Condition.isTrue(
                            Reasons.ACCEPTED,
                            Reasons.ACCEPTED,
                            "GatewayClass is accepted by " + controllerName,
                            generation))));
  }

  /**
   * A route's status: one parent entry per outcome ({@code outcomes}, each of a parentRef that
   * named a Gateway of ours, all of one route).
   */
  ObjectStatus route(List<RoutingTranslator.ParentOutcome> outcomes, L4Arbiter.Result arbitrated) {
    List<StatusBody.RouteParentStatus> parents = new ArrayList<>(outcomes.size());
    for (RoutingTranslator.ParentOutcome o : outcomes) {
      parents.add(
          new StatusBody.RouteParentStatus(
              statusRef(o.ref()), controllerName, parentConditions(o, arbitrated)));
    }
    return ObjectStatus.of(
        outcomes.get(0).plan().route().meta(), new StatusBody.RouteStatus(parents));
  }

  /**
   * The routes counted on each listener (by their plans, one per route): those attached to it,
   * unless they lost it to an older L4 route.
   */
  static Map<ListenerState, Set<RoutePlan>> attachedRoutes(
      List<RoutingTranslator.ParentOutcome> outcomes, L4Arbiter.Result arbitrated) {
    Map<ListenerState, Set<RoutePlan>> attached = new IdentityHashMap<>();
    for (RoutingTranslator.ParentOutcome o : outcomes) {
      if (o.outcome() == null) {
        continue;
      }
      for (ListenerState l : o.outcome().attachedTo()) {
        boolean lost =
            !arbitrated.lost().isEmpty()
                && arbitrated.lost().keySet().stream()
                    .anyMatch(a -> a.plan() == o.plan() && a.listener() == l);
        if (!lost) {
          attached
              .computeIfAbsent(l, x -> Collections.newSetFromMap(new IdentityHashMap<>()))
              .add(o.plan());
        }
      }
    }
    return attached;
  }

  /**
   * A Gateway's conditions: Accepted (with reason ListenersNotValid when some are not, false with
   * InvalidParameters when its parametersRef has {@code parametersProblem}), Programmed when any
   * listener is; each listener's conditions and the routes counted on it.
   */
  StatusBody.GatewayStatus gateway(
      Gateway g,
      List<ListenerState> listeners,
      Map<ListenerState, Set<RoutePlan>> attached,
      Optional<String> parametersProblem) {
    long generation = g.meta().generation();
    List<StatusBody.ListenerStatus> listenerStatuses = new ArrayList<>();
    boolean allValid = true;
    boolean anyProgrammed = false;
    boolean anyWithheld = false;
    for (ListenerState l : listeners) {
      allValid &= l.valid();
      anyProgrammed |= l.programmable();
      anyWithheld |= l.valid() && !l.programmable();
      int count = attached.getOrDefault(l, Set.of()).size();
      listenerStatuses.add(
          new StatusBody.ListenerStatus(
              l.listener().name(), count, l.supportedKinds(), l.conditions()));
    }
    List<Condition> conditions = new ArrayList<>();
    conditions.add(
        parametersProblem.isPresent()
            ? Condition.isFalse(
                Reasons.ACCEPTED,
                Reasons.INVALID_PARAMETERS,
                parametersProblem.get() + PROGRAMMED_ANYWAY,
                generation)
            : allValid
                ? Condition.isTrue(
                    Reasons.ACCEPTED, Reasons.ACCEPTED, "Gateway is accepted", generation)
                : Condition.isTrue(
                    Reasons.ACCEPTED,
                    Reasons.LISTENERS_NOT_VALID,
                    "Some listeners are not valid",
                    generation));
    if (anyProgrammed) {
      conditions.add(
          Condition.isTrue(
              Reasons.PROGRAMMED, Reasons.PROGRAMMED, "Gateway is programmed", generation));
    } else if (allValid && anyWithheld) {
      conditions.add(
          Condition.isFalse(
              Reasons.PROGRAMMED,
              Reasons.PENDING,
              "No listener is programmed yet: the xDS server does not serve their certificates",
              generation));
    } else {
      conditions.add(
          Condition.isFalse(
              Reasons.PROGRAMMED, Reasons.INVALID, "No listener can be programmed", generation));
    }
    return new StatusBody.GatewayStatus(conditions, listenerStatuses);
  }

  /**
   * A warning when {@code ref} names a Gateway that is not in the input at all (one of another
   * controller is not missing: it is not ours to report). No status can say it: only the Gateway's
   * controller writes a route's parent entry.
   */
  static Optional<Warning> missingGateway(
      ParentRef ref, Route route, Set<ObjectRef> existingGateways) {
    if (!RouteAttacher.namesGateway(ref)) {
      return Optional.empty();
    }
    ObjectRef named =
        new ObjectRef("Gateway", ref.namespaceOr(route.meta().namespace()), ref.name());
    if (existingGateways.contains(named)) {
      return Optional.empty();
    }
    return Optional.of(
        new Warning(
            route.meta().ref(),
            "parentRef names Gateway "
                + named.namespace()
                + "/"
                + named.name()
                + ", which does not exist; the route is not attached to it"));
  }

  private static List<Condition> parentConditions(
      RoutingTranslator.ParentOutcome o, L4Arbiter.Result arbitrated) {
    RoutePlan plan = o.plan();
    long generation = plan.route().meta().generation();
    Condition resolvedRefs = resolvedRefs(plan.problems(), generation);
    if (o.outcome() == null) {
      return List.of(
          Condition.isFalse(
              Reasons.ACCEPTED, Reasons.UNSUPPORTED_VALUE, droppedMessage(plan), generation),
          resolvedRefs);
    }
    List<Condition> conditions =
        new ArrayList<>(List.of(arbitrated.accepted(o.outcome(), generation), resolvedRefs));
    if (!plan.droppedRules().isEmpty()) {
      conditions.add(
          Condition.isTrue(
              Reasons.PARTIALLY_INVALID,
              Reasons.UNSUPPORTED_VALUE,
              droppedMessage(plan),
              generation));
    }
    return conditions;
  }

  /** The Gateway API asks the message of dropped rules to start with "Dropped Rule". */
  private static String droppedMessage(RoutePlan plan) {
    return "Dropped Rule(s): " + String.join("; ", plan.droppedRules());
  }

  private static Condition resolvedRefs(List<RoutePlan.Problem> problems, long generation) {
    if (problems.isEmpty()) {
      return Condition.isTrue(
          Reasons.RESOLVED_REFS, Reasons.RESOLVED_REFS, "All references resolved", generation);
    }
    String message =
        problems.stream().map(RoutePlan.Problem::message).collect(Collectors.joining("; "));
    return Condition.isFalse(Reasons.RESOLVED_REFS, problems.get(0).reason(), message, generation);
  }

  private static StatusBody.ParentReference statusRef(ParentRef ref) {
    return new StatusBody.ParentReference(
        ref.group(),
        ref.kind(),
        ref.namespace().orElse(null),
        ref.name(),
        ref.sectionName().orElse(null),
        ref.port().isPresent() ? ref.port().getAsInt() : null);
  }
}
