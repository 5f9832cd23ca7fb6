package io.gatewire.domain.explain;

import io.gatewire.domain.explain.Clue.GatewayClue;
import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.GatewayClass;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.StatusBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Gateways a trace names, each with its class, its parametersRefs and the named listeners with
 * their status.
 */
final class GatewayItems {
  private final InputObjects objects;

  GatewayItems(InputObjects objects) {
    this.objects = objects;
  }

  void add(Trace trace, List<Explanation.Item> items) {
    Map<String, List<GatewayClue>> byGateway = new LinkedHashMap<>();
    for (GatewayClue clue : trace.gateways) {
      byGateway
          .computeIfAbsent(clue.namespace() + "/" + clue.name(), k -> new ArrayList<>())
          .add(clue);
    }
    for (List<GatewayClue> clues : byGateway.values()) {
      GatewayClue first = clues.get(0);
      Optional<Gateway> found = objects.gateway(first.namespace(), first.name());
      if (found.isEmpty()) {
        trace.unresolved.add(
            "Gateway " + first.namespace() + "/" + first.name() + " is not in the input");
        continue;
      }
      Gateway gateway = found.get();
      List<String> details = new ArrayList<>();
      Optional<GatewayClass> gatewayClass =
          objects.resources.gatewayClasses().stream()
              .filter(c -> c.meta().name().equals(gateway.gatewayClassName()))
              .findFirst();
      details.add(
          "class "
              + gateway.gatewayClassName()
              + gatewayClass
                  .map(c -> ": " + InputObjects.conditions(classConditions(c)))
                  .orElse(" (not in the input)"));
      gatewayClass
          .flatMap(GatewayClass::parametersRef)
          .ifPresent(ref -> details.add("class parametersRef " + ref));
      gateway.parametersRef().ifPresent(ref -> details.add("infrastructure parametersRef " + ref));
      Optional<StatusBody.GatewayStatus> status =
          objects.status(gateway, StatusBody.GatewayStatus.class);
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
        details.add(listenerLine(listener.get(), status));
      }
      items.add(
          objects.item(
              gateway,
              status.map(StatusBody.GatewayStatus::conditions).orElse(List.of()),
              details));
    }
  }

  private static String listenerLine(Listener l, Optional<StatusBody.GatewayStatus> status) {
    StringBuilder line =
        new StringBuilder("listener ")
            .append(l.name())
            .append(": ")
            .append(l.protocol())
            .append(" port ")
            .append(l.port());
    l.hostname().ifPresent(h -> line.append(" hostname ").append(h));
    status
        .flatMap(s -> s.listeners().stream().filter(ls -> ls.name().equals(l.name())).findFirst())
        .ifPresent(
            ls ->
                line.append("; ")
                    .append(InputObjects.conditions(ls.conditions()))
                    .append("; ")
                    .append(ls.attachedRoutes())
                    .append(ls.attachedRoutes() == 1 ? " route" : " routes")
                    .append(" attached"));
    return line.toString();
  }

  private List<Condition> classConditions(GatewayClass gatewayClass) {
    return objects
        .status(gatewayClass, StatusBody.GatewayClassStatus.class)
        .map(StatusBody.GatewayClassStatus::conditions)
        .orElse(List.of());
  }
}
