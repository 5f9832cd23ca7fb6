package io.gatewire.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.StatusBody;
import java.util.List;

/**
 * Status as Kubernetes would store it: each object's apiVersion, kind, metadata name/namespace and
 * status subresource. {@code lastTransitionTime} is left out, because it depends on the previous
 * status rather than on the input, and printed output must be deterministic.
 */
final class StatusJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private StatusJson() {}

  static JsonNode of(List<ObjectStatus> statuses) {
    ArrayNode list = JSON.arrayNode();
    for (ObjectStatus s : statuses) {
      ObjectNode object = list.addObject();
      object.put("apiVersion", s.groupVersion());
      object.put("kind", s.kind());
      ObjectNode metadata = object.putObject("metadata");
      metadata.put("name", s.name());
      if (!s.namespace().isEmpty()) {
        metadata.put("namespace", s.namespace());
      }
      object.set("status", body(s.status()));
    }
    return list;
  }

  private static ObjectNode body(StatusBody body) {
    ObjectNode node = JSON.objectNode();
    if (body instanceof StatusBody.GatewayClassStatus c) {
      node.set("conditions", conditions(c.conditions()));
    } else if (body instanceof StatusBody.GatewayStatus g) {
      node.set("conditions", conditions(g.conditions()));
      ArrayNode listeners = node.putArray("listeners");
      for (StatusBody.ListenerStatus l : g.listeners()) {
        ObjectNode listener = listeners.addObject();
        listener.put("name", l.name());
        listener.put("attachedRoutes", l.attachedRoutes());
        ArrayNode kinds = listener.putArray("supportedKinds");
        l.supportedKinds()
            .forEach(k -> kinds.addObject().put("group", k.group()).put("kind", k.kind()));
        listener.set("conditions", conditions(l.conditions()));
      }
    } else if (body instanceof StatusBody.RouteStatus r) {
      ArrayNode parents = node.putArray("parents");
      for (StatusBody.RouteParentStatus p : r.parents()) {
        ObjectNode parent = parents.addObject();
        ObjectNode ref = parent.putObject("parentRef");
        StatusBody.ParentReference pr = p.parentRef();
        ref.put("group", pr.group());
        ref.put("kind", pr.kind());
        if (pr.namespace() != null) {
          ref.put("namespace", pr.namespace());
        }
        ref.put("name", pr.name());
        if (pr.sectionName() != null) {
          ref.put("sectionName", pr.sectionName());
        }
        if (pr.port() != null) {
          ref.put("port", pr.port());
        }
        parent.put("controllerName", p.controllerName());
        parent.set("conditions", conditions(p.conditions()));
      }
    }
    return node;
  }

  private static ArrayNode conditions(List<Condition> conditions) {
    ArrayNode array = JSON.arrayNode();
    for (Condition c : conditions) {
      array
          .addObject()
          .put("type", c.type())
          .put("status", c.status())
          .put("reason", c.reason())
          .put("message", c.message())
          .put("observedGeneration", c.observedGeneration());
    }
    return array;
  }
}
