package io.gatewire.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * A Gateway: a class name, the listeners it asks for, and the {@link ProxySettings} its {@code
 * spec.infrastructure.parametersRef} names (in the Gateway's namespace).
 */
public record Gateway(
    ObjectMeta meta,
    String gatewayClassName,
    List<Listener> listeners,
    Optional<ParametersReference> parametersRef)
    implements KubernetesObject {
  public Gateway {
    listeners = List.copyOf(listeners);
    parametersRef = parametersRef == null ? Optional.empty() : parametersRef;
  }

  /** A Gateway without infrastructure parameters. */
  public Gateway(ObjectMeta meta, String gatewayClassName, List<Listener> listeners) {
    this(meta, gatewayClassName, listeners, Optional.empty());
  }
}
