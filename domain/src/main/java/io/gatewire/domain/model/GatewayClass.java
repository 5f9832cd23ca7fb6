package io.gatewire.domain.model;

import java.util.Optional;

/**
 * A GatewayClass; Gatewire manages those whose controllerName is its own. {@code parametersRef}
 * names the {@link ProxySettings} that every Gateway of the class inherits.
 */
public record GatewayClass(
    ObjectMeta meta, String controllerName, Optional<ParametersReference> parametersRef)
    implements KubernetesObject {
  public GatewayClass {
    parametersRef = parametersRef == null ? Optional.empty() : parametersRef;
  }

  /** A class without parameters. */
  public GatewayClass(ObjectMeta meta, String controllerName) {
    this(meta, controllerName, Optional.empty());
  }
}
