package io.gatewire.domain.translate;

import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.StatusBody;
import java.util.List;

/**
 * A listener after validation: whether it is valid, whether Gatewire programs it (a valid listener
 * is not when its certificates are withheld, {@link SecretDelivery}), the route kinds it accepts,
 * its conditions, and for HTTPS the SDS names of its certificates.
 */
record ListenerState(
    Gateway gateway,
    Listener listener,
    boolean valid,
    boolean programmable,
    List<StatusBody.Kind> supportedKinds,
    List<Condition> conditions,
    List<String> certificateSecrets) {

  ListenerState {
    supportedKinds = List.copyOf(supportedKinds);
    conditions = List.copyOf(conditions);
    certificateSecrets = List.copyOf(certificateSecrets);
  }

  boolean accepts(String routeKind) {
    return supportedKinds.stream().anyMatch(k -> k.kind().equals(routeKind));
  }
}
