package io.gatewire.domain.status;

import java.util.List;

/** The status subresource bodies Gatewire writes. */
public sealed interface StatusBody {

  /** GatewayClass status: Accepted (and SupportedVersion when known). */
  record GatewayClassStatus(List<Condition> conditions) implements StatusBody {
    public GatewayClassStatus {
      conditions = List.copyOf(conditions);
    }
  }

  /** Gateway status: Accepted and Programmed, and one entry per listener. */
  record GatewayStatus(List<Condition> conditions, List<ListenerStatus> listeners)
      implements StatusBody {
    public GatewayStatus {
      conditions = List.copyOf(conditions);
      listeners = List.copyOf(listeners);
    }
  }

  /** One listener: how many routes attached, which kinds it supports, and its conditions. */
  record ListenerStatus(
      String name, int attachedRoutes, List<Kind> supportedKinds, List<Condition> conditions) {
    public ListenerStatus {
      supportedKinds = List.copyOf(supportedKinds);
      conditions = List.copyOf(conditions);
    }
  }

  /** A route group and kind. */
  record Kind(String group, String kind) {}

  /** Route status: one entry per parentRef that names a Gateway of ours. */
  record RouteStatus(List<RouteParentStatus> parents) implements StatusBody {
    public RouteStatus {
      parents = List.copyOf(parents);
    }
  }

  /**
   * The status for one parentRef: the ref as written, our controller name, Accepted and
   * ResolvedRefs.
   */
  record RouteParentStatus(
      ParentReference parentRef, String controllerName, List<Condition> conditions) {
    public RouteParentStatus {
      conditions = List.copyOf(conditions);
    }
  }

  /** A parentRef as it appears in status; null fields are absent. */
  record ParentReference(
      String group, String kind, String namespace, String name, String sectionName, Integer port) {}
}
