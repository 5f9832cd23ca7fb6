package io.gatewire.domain.explain;

import io.gatewire.domain.explain.Clue.BackendClue;
import io.gatewire.domain.explain.Clue.RouteClue;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Route;
import io.gatewire.domain.status.StatusBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routes a trace names, each with its parents' status and the named rules with their
 * backendRefs. The backendRef the input is about is marked, and added to the trace's backends (all
 * of the rule's when the input names none).
 */
final class RouteItems {
  private final InputObjects objects;

  RouteItems(InputObjects objects) {
    this.objects = objects;
  }

  void add(Trace trace, List<Explanation.Item> items) {
    Set<BackendClue> named = Set.copyOf(trace.backends);
    Map<ObjectRef, List<RouteClue>> byRoute = new LinkedHashMap<>();
    for (RouteClue clue : trace.routes) {
      Optional<Route> route = objects.route(clue);
      if (route.isEmpty()) {
        trace.unresolved.add(
            clue.kind() + " " + clue.namespace() + "/" + clue.name() + " is not in the input");
        continue;
      }
      byRoute.computeIfAbsent(route.get().ref(), k -> new ArrayList<>()).add(clue);
    }
    for (List<RouteClue> clues : byRoute.values()) {
      Route route = objects.route(clues.get(0)).orElseThrow();
      List<String> details = new ArrayList<>();
      objects
          .status(route, StatusBody.RouteStatus.class)
          .ifPresent(
              s ->
                  s.parents()
                      .forEach(
                          p ->
                              details.add(
                                  "parent "
                                      + parent(p.parentRef())
                                      + ": "
                                      + InputObjects.conditions(p.conditions()))));
      Set<Integer> rules = new TreeSet<>();
      clues.stream().map(RouteClue::rule).filter(r -> r != null).forEach(rules::add);
      List<RouteRules.Rule> all = RouteRules.of(route);
      for (int index : rules) {
        if (index >= all.size()) {
          trace.unresolved.add(
              route.ref() + " has no rule " + index + " (it has " + all.size() + ")");
          continue;
        }
        Integer focus = null;
        for (RouteClue clue : clues) {
          if (trace.focus.containsKey(clue)) {
            focus = trace.focus.get(clue);
          }
        }
        rule(index, all.get(index), route, focus, named, trace, details);
      }
      items.add(objects.item(route, List.of(), details));
    }
  }

  private static void rule(
      int index,
      RouteRules.Rule rule,
      Route route,
      Integer focus,
      Set<BackendClue> named,
      Trace trace,
      List<String> details) {
    details.add(
        "rule "
            + index
            + rule.name().map(n -> " \"" + n + "\"").orElse("")
            + (rule.matches().isEmpty() ? "" : ": " + rule.matches()));
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

  private static String parent(StatusBody.ParentReference ref) {
    return ref.kind()
        + " "
        + (ref.namespace() == null ? "" : ref.namespace() + "/")
        + ref.name()
        + (ref.sectionName() == null ? "" : " sectionName " + ref.sectionName());
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
}
