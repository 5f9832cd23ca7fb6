package io.gatewire.domain.explain;

import io.gatewire.domain.explain.Clue.BackendClue;
import io.gatewire.domain.explain.Clue.GatewayClue;
import io.gatewire.domain.explain.Clue.RouteClue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The clues gathered from one input, and what was said along the way. */
final class Trace {
  final Set<GatewayClue> gateways = new LinkedHashSet<>();
  final Set<RouteClue> routes = new LinkedHashSet<>();
  final Set<BackendClue> backends = new LinkedHashSet<>();

  /** Route rules whose backendRef of that index is the one the input is about. */
  final Map<RouteClue, Integer> focus = new LinkedHashMap<>();

  /** What the Envoy names of the input are. */
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
