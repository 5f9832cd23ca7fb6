package io.gatewire.domain.explain;

import io.gatewire.domain.explain.Clue.BackendClue;
import io.gatewire.domain.explain.Clue.RouteClue;
import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.model.Route;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.StatusBody;
import io.gatewire.domain.status.Warning;
import io.gatewire.domain.translate.TranslationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The objects of one translation as an explanation shows them: found by what a clue names (a name
 * with dots also as Envoy's stats write it, dots as underscores), with their status, the
 * translation's warnings about them and where they were read.
 */
final class InputObjects {
  final GatewayResources resources;
  final TranslationResult result;
  private final Function<ObjectRef, String> locations;

  InputObjects(
      GatewayResources resources, TranslationResult result, Function<ObjectRef, String> locations) {
    this.resources = resources;
    this.result = result;
    this.locations = locations;
  }

  Optional<Gateway> gateway(String namespace, String name) {
    return resources.gateways().stream()
        .filter(g -> g.meta().namespace().equals(namespace) && g.meta().name().equals(name))
        .findFirst();
  }

  Optional<Route> route(RouteClue clue) {
    List<Route> all = new ArrayList<>();
    all.addAll(resources.httpRoutes());
    all.addAll(resources.grpcRoutes());
    all.addAll(resources.l4Routes());
    return named(all, clue.kind(), clue.namespace(), clue.name());
  }

  Optional<KubernetesObject> backend(BackendClue clue) {
    List<KubernetesObject> all = new ArrayList<>();
    all.addAll(resources.services());
    all.addAll(resources.serviceImports());
    all.addAll(resources.backends());
    return named(all, clue.kind(), clue.namespace(), clue.name());
  }

  private static <T extends KubernetesObject> Optional<T> named(
      List<T> all, String kind, String namespace, String name) {
    return all.stream()
        .filter(o -> o.meta().kind().equalsIgnoreCase(kind))
        .filter(o -> o.meta().namespace().equals(namespace))
        .filter(o -> o.meta().name().equals(name) || o.meta().name().replace('.', '_').equals(name))
        .findFirst();
  }

  /** The EndpointSlices in {@code namespace} whose {@code label} names {@code service}. */
  List<EndpointSlice> slices(String namespace, String service, String label) {
    return resources.endpointSlices().stream()
        .filter(s -> s.meta().namespace().equals(namespace))
        .filter(s -> service.equals(s.meta().labels().get(label)))
        .toList();
  }

  <T extends StatusBody> Optional<T> status(KubernetesObject object, Class<T> type) {
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

  Explanation.Item item(KubernetesObject object, List<Condition> conditions, List<String> details) {
    List<String> warnings =
        result.warnings().stream()
            .filter(w -> object.ref().equals(w.object()))
            .map(Warning::message)
            .toList();
    return new Explanation.Item(
        object.ref(), locations.apply(object.ref()), conditions, details, warnings);
  }

  /**
   * Conditions as {@code Type=Status (Reason)}, with the message of those that point at trouble.
   */
  static String conditions(List<Condition> conditions) {
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
}
