package io.gatewire.domain.model;

import java.util.List;

/** A Gateway: a class name and the listeners it asks for. */
public record Gateway(ObjectMeta meta, String gatewayClassName, List<Listener> listeners)
    implements KubernetesObject {
  public Gateway {
    listeners = List.copyOf(listeners);
  }
}
