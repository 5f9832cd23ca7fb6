package io.gatewire.domain.explain;

import io.gatewire.domain.explain.Clue.BackendClue;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.translate.TranslationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Traces clues back to the objects of one translation: Envoy names through the IR ({@link
 * EnvoyNames}), then Gateway and listener ({@link GatewayItems}), route and rule with the rule's
 * backendRefs ({@link RouteItems}), the backends and their EndpointSlices ({@link BackendItems}),
 * each with its location, its status and the translation's warnings about it. What a clue names but
 * the input does not hold is reported as unresolved, never guessed.
 */
public final class Explainer {
  private final EnvoyNames envoyNames;
  private final GatewayItems gateways;
  private final RouteItems routes;
  private final BackendItems backends;

  /**
   * @param resources the translated input
   * @param result its translation
   * @param locations where each object was read ({@code file:line}, or a cluster object and its
   *     resourceVersion); null when unknown
   */
  public Explainer(
      GatewayResources resources, TranslationResult result, Function<ObjectRef, String> locations) {
    InputObjects objects = new InputObjects(resources, result, locations);
    this.envoyNames = new EnvoyNames(objects);
    this.gateways = new GatewayItems(objects);
    this.routes = new RouteItems(objects);
    this.backends = new BackendItems(objects);
  }

  /** What {@code clues}, read from {@code input} as {@code understoodAs}, lead back to. */
  public Explanation explain(String input, String understoodAs, List<Clue> clues) {
    Trace trace = new Trace();
    for (Clue clue : clues) {
      if (clue instanceof Clue.XdsName xds) {
        envoyNames.expand(xds.name(), trace);
      } else {
        trace.add(clue);
      }
    }
    List<Explanation.Item> items = new ArrayList<>();
    gateways.add(trace, items);
    routes.add(trace, items);
    backends.add(trace, items);
    return new Explanation(
        input, understoodAs, items, List.copyOf(trace.xds), List.copyOf(trace.unresolved));
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
