package io.gatewire.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The status assertions of a conformance {@code status.yaml}, checked against the {@code status}
 * list that {@code gatewire translate --emit status -o json} prints, the way the upstream helpers
 * (conformance/utils/kubernetes) read them. A condition matches on type and status, and on reason
 * when one is given. Assertions that run after a runtime change we cannot apply (a {@code patch})
 * are not checked; {@link #skipped} counts them.
 */
final class StatusAssertions {
  private final JsonNode statuses;
  private final String controller;
  private int skipped;

  StatusAssertions(JsonNode statuses, String controller) {
    this.statuses = statuses;
    this.controller = controller;
  }

  int skipped() {
    return skipped;
  }

  /** The failures of every assertion, each prefixed with its check. */
  List<String> failures(JsonNode assertions) {
    List<String> failures = new ArrayList<>();
    for (JsonNode assertion : assertions) {
      if (assertion.has("afterRuntimeChanges")) {
        skipped++;
        continue;
      }
      String check = assertion.get("check").asText();
      String failure = check(check, assertion);
      if (failure != null) {
        failures.add(check + ": " + failure);
      }
    }
    return failures;
  }

  private String check(String check, JsonNode a) {
    switch (check) {
      case "GatewayAndHTTPRoutesMustBeAccepted":
        return gatewayAndRoutesAccepted(a.get("gateway"), a.get("routes"));
      case "HTTPRouteMustHaveCondition":
      case "HTTPRouteMustHaveResolvedRefsConditionsTrue":
        return routeHasCondition(a.get("route"), a.get("parent"), a.get("condition"));
      case "HTTPRouteMustHaveNoAcceptedParents":
        return noAcceptedParents(a.get("route"));
      case "GatewayMustHaveZeroRoutes":
        return zeroRoutes(a.get("gateway"));
      case "HTTPRouteMustHaveParents":
        return routeHasParents(a.get("route"), a.get("parents"));
      case "GatewayStatusMustHaveListeners":
        return gatewayHasListeners(a.get("gateway"), a.get("listeners"));
      case "HTTPRouteMustHaveLatestConditions":
        return latestConditions(a.get("route"));
      default:
        return "unknown check";
    }
  }

  private String gatewayAndRoutesAccepted(JsonNode gatewayRef, JsonNode routes) {
    Optional<JsonNode> gateway = find("Gateway", gatewayRef);
    if (gateway.isEmpty()) {
      return "no status for Gateway " + key(gatewayRef);
    }
    for (JsonNode listener : gateway.get().at("/status/listeners")) {
      for (String type : List.of("ResolvedRefs", "Accepted", "Programmed")) {
        if (!hasCondition(listener.get("conditions"), type, "True", null)) {
          return "listener " + listener.get("name").asText() + " is not " + type;
        }
      }
    }
    for (JsonNode routeRef : routes == null ? List.<JsonNode>of() : iterable(routes)) {
      Optional<JsonNode> parent = find("HTTPRoute", routeRef).flatMap(r -> parent(r, gatewayRef));
      if (parent.isEmpty()) {
        return "HTTPRoute " + key(routeRef) + " has no parent status for " + key(gatewayRef);
      }
      if (!hasCondition(parent.get().get("conditions"), "Accepted", "True", "Accepted")) {
        return "HTTPRoute " + key(routeRef) + " is not Accepted by " + key(gatewayRef);
      }
    }
    return null;
  }

  private String routeHasCondition(JsonNode routeRef, JsonNode parentRef, JsonNode condition) {
    Optional<JsonNode> parent = find("HTTPRoute", routeRef).flatMap(r -> parent(r, parentRef));
    if (parent.isEmpty()) {
      return "HTTPRoute " + key(routeRef) + " has no parent status for " + key(parentRef);
    }
    String reason = condition.has("reason") ? condition.get("reason").asText() : null;
    return hasCondition(
            parent.get().get("conditions"),
            condition.get("type").asText(),
            condition.get("status").asText(),
            reason)
        ? null
        : "HTTPRoute "
            + key(routeRef)
            + " lacks "
            + condition
            + " in "
            + parent.get().get("conditions");
  }

  private String noAcceptedParents(JsonNode routeRef) {
    JsonNode parents = find("HTTPRoute", routeRef).map(r -> r.at("/status/parents")).orElse(null);
    if (parents == null || parents.isMissingNode() || parents.isEmpty()) {
      return null;
    }
    return parents.size() == 1
            && hasCondition(parents.get(0).get("conditions"), "Accepted", "False", null)
        ? null
        : "HTTPRoute " + key(routeRef) + " has accepted parents " + parents;
  }

  private String zeroRoutes(JsonNode gatewayRef) {
    JsonNode listeners =
        find("Gateway", gatewayRef).map(g -> g.at("/status/listeners")).orElse(null);
    if (listeners == null || listeners.isMissingNode()) {
      return null;
    }
    for (JsonNode listener : listeners) {
      if (listener.path("attachedRoutes").asInt() != 0) {
        return "listener "
            + listener.get("name").asText()
            + " has "
            + listener.get("attachedRoutes")
            + " routes";
      }
    }
    return null;
  }

  private String routeHasParents(JsonNode routeRef, JsonNode expected) {
    JsonNode actual = find("HTTPRoute", routeRef).map(r -> r.at("/status/parents")).orElse(null);
    if (actual == null || actual.isMissingNode() || actual.size() != expected.size()) {
      return "HTTPRoute " + key(routeRef) + " parents " + actual + ", expected " + expected.size();
    }
    for (JsonNode want : expected) {
      JsonNode ref = want.get("parentRef");
      Optional<JsonNode> got =
          parent(find("HTTPRoute", routeRef).get(), ref)
              .filter(
                  p ->
                      p.path("parentRef")
                          .path("sectionName")
                          .asText("")
                          .equals(ref.path("sectionName").asText("")));
      if (got.isEmpty()) {
        return "HTTPRoute " + key(routeRef) + " has no parent " + ref;
      }
      String wantController =
          want.path("controllerName").asText().replace("{CONTROLLER_NAME}", controller);
      if (!got.get().path("controllerName").asText().equals(wantController)) {
        return "parent " + ref + " has controllerName " + got.get().path("controllerName").asText();
      }
      for (JsonNode c : want.get("conditions")) {
        if (!hasCondition(
            got.get().get("conditions"),
            c.get("type").asText(),
            c.get("status").asText(),
            c.has("reason") ? c.get("reason").asText() : null)) {
          return "parent " + ref + " lacks " + c + " in " + got.get().get("conditions");
        }
      }
    }
    return null;
  }

  private String gatewayHasListeners(JsonNode gatewayRef, JsonNode expected) {
    JsonNode actual = find("Gateway", gatewayRef).map(g -> g.at("/status/listeners")).orElse(null);
    if (actual == null || actual.isMissingNode() || actual.size() != expected.size()) {
      return "Gateway "
          + key(gatewayRef)
          + " listeners "
          + actual
          + ", expected "
          + expected.size();
    }
    for (JsonNode want : expected) {
      JsonNode got = null;
      for (JsonNode l : actual) {
        if (l.get("name").asText().equals(want.get("name").asText())) {
          got = l;
        }
      }
      if (got == null) {
        return "no listener " + want.get("name").asText();
      }
      for (JsonNode kind : want.path("supportedKinds")) {
        if (!iterable(got.path("supportedKinds")).contains(kind)) {
          return "listener " + want.get("name").asText() + " does not support " + kind;
        }
      }
      if (got.path("attachedRoutes").asInt() != want.path("attachedRoutes").asInt()) {
        return "listener "
            + want.get("name").asText()
            + " has "
            + got.path("attachedRoutes").asInt()
            + " attached routes, expected "
            + want.path("attachedRoutes").asInt();
      }
      for (JsonNode c : want.path("conditions")) {
        if (!hasCondition(
            got.get("conditions"),
            c.get("type").asText(),
            c.get("status").asText(),
            c.has("reason") ? c.get("reason").asText() : null)) {
          return "listener " + want.get("name").asText() + " lacks " + c;
        }
      }
    }
    return null;
  }

  /** The manifests carry no generation, so the object's generation is 1, as after its creation. */
  private String latestConditions(JsonNode routeRef) {
    Optional<JsonNode> route = find("HTTPRoute", routeRef);
    if (route.isEmpty()) {
      return "no status for HTTPRoute " + key(routeRef);
    }
    for (JsonNode parent : route.get().at("/status/parents")) {
      for (JsonNode c : parent.get("conditions")) {
        if (c.path("observedGeneration").asLong() != 1) {
          return "condition " + c + " is not of generation 1";
        }
      }
    }
    return null;
  }

  private Optional<JsonNode> find(String kind, JsonNode ref) {
    for (JsonNode s : statuses) {
      if (s.get("kind").asText().equals(kind)
          && s.at("/metadata/name").asText().equals(ref.get("name").asText())
          && s.at("/metadata/namespace").asText().equals(ref.path("namespace").asText())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * The route's parent status for Gateway {@code ref}; a parentRef without namespace means the
   * route's.
   */
  private static Optional<JsonNode> parent(JsonNode route, JsonNode ref) {
    String routeNamespace = route.at("/metadata/namespace").asText();
    for (JsonNode p : route.at("/status/parents")) {
      JsonNode parentRef = p.get("parentRef");
      String namespace = parentRef.path("namespace").asText(routeNamespace);
      if (parentRef.get("name").asText().equals(ref.get("name").asText())
          && namespace.equals(ref.path("namespace").asText(routeNamespace))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static boolean hasCondition(
      JsonNode conditions, String type, String status, String reason) {
    if (conditions == null) {
      return false;
    }
    for (JsonNode c : conditions) {
      if (c.get("type").asText().equals(type)
          && c.get("status").asText().equals(status)
          && (reason == null || c.path("reason").asText().equals(reason))) {
        return true;
      }
    }
    return false;
  }

  private static List<JsonNode> iterable(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  private static String key(JsonNode ref) {
    return ref == null ? "?" : ref.path("namespace").asText() + "/" + ref.path("name").asText();
  }
}
