package io.gatewire.domain.translate;

import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.metadata.ProvenanceRules;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Route;
import io.gatewire.domain.status.Warning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The route plans of the previous translation, each with what it depended on: the route's value,
 * the backendRefs it resolved and what they resolved to, and the warnings its metadata gave. A
 * route whose value and resolutions are unchanged gets its previous plan (the same instance) and
 * replays its warnings; anything else is planned again. Only the routes of the latest translation
 * are kept.
 */
final class PlanMemo {
  private record Lookup(
      BackendRef ref, String routeKind, String routeNamespace, ResolvedBackend result) {}

  private record Entry(Route route, RoutePlan plan, List<Lookup> lookups, List<Warning> warnings) {}

  private final MetadataOptions options;
  private Map<ObjectRef, Entry> current = new HashMap<>();
  private Map<ObjectRef, Entry> previous = new HashMap<>();

  PlanMemo(MetadataOptions options) {
    this.options = options;
  }

  /**
   * The plan of {@code route}: remembered when still valid against {@code backends}, else made by
   * {@code planner}.
   */
  RoutePlan plan(
      Route route,
      Backends backends,
      BiFunction<Backends, ProvenanceRules, RoutePlan> planner,
      Consumer<Warning> warnings) {
    ObjectRef key = route.meta().ref();
    Entry entry = previous.get(key);
    if (entry == null || !stillValid(entry, route, backends)) {
      entry = planAgain(route, backends, planner);
    }
    entry.warnings().forEach(warnings);
    current.put(key, entry);
    return entry.plan();
  }

  /**
   * Plans again, against {@code backends}, every route of the latest translation that looked up a
   * backend named {@code namespace/name} in {@code backendNames}, and remembers the new plans as
   * that translation's (so it can still be continued from). Gives each route's plan and warnings
   * before and after.
   */
  List<Replanned> replanReading(
      Set<String> backendNames,
      Backends backends,
      Function<Route, BiFunction<Backends, ProvenanceRules, RoutePlan>> planners) {
    List<Replanned> replanned = new ArrayList<>();
    for (Map.Entry<ObjectRef, Entry> known : previous.entrySet()) {
      Entry entry = known.getValue();
      if (entry.lookups().stream()
          .noneMatch(
              lookup ->
                  backendNames.contains(
                      lookup.ref().namespaceOr(lookup.routeNamespace())
                          + "/"
                          + lookup.ref().name()))) {
        continue;
      }
      Entry next = planAgain(entry.route(), backends, planners.apply(entry.route()));
      known.setValue(next);
      replanned.add(new Replanned(entry.plan(), entry.warnings(), next.plan(), next.warnings()));
    }
    return replanned;
  }

  /** One route planned again: its plan and metadata warnings before and after. */
  record Replanned(
      RoutePlan before,
      List<Warning> warningsBefore,
      RoutePlan after,
      List<Warning> warningsAfter) {}

  /** The entries held, for the current and previous translations. */
  int size() {
    return current.size() + previous.size();
  }

  /** Ends a translation: only the routes planned in it are kept. */
  void roll() {
    previous = current;
    current = new HashMap<>(Math.max(16, previous.size() * 4 / 3 + 1));
  }

  private Entry planAgain(
      Route route, Backends backends, BiFunction<Backends, ProvenanceRules, RoutePlan> planner) {
    List<Lookup> lookups = new ArrayList<>();
    List<Warning> emitted = new ArrayList<>();
    Backends recording =
        (ref, kind, namespace) -> {
          ResolvedBackend result = backends.resolve(ref, kind, namespace);
          lookups.add(new Lookup(ref, kind, namespace, result));
          return result;
        };
    RoutePlan plan = planner.apply(recording, new ProvenanceRules(options, emitted::add));
    return new Entry(route, plan, List.copyOf(lookups), List.copyOf(emitted));
  }

  private static boolean stillValid(Entry entry, Route route, Backends backends) {
    if (entry.route() != route && !entry.route().equals(route)) {
      return false;
    }
    for (Lookup lookup : entry.lookups()) {
      if (!backends
          .resolve(lookup.ref(), lookup.routeKind(), lookup.routeNamespace())
          .equals(lookup.result())) {
        return false;
      }
    }
    return true;
  }
}
