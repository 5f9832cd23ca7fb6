package io.gatewire.domain.translate;

import io.gatewire.domain.model.Gateway;
import io.gatewire.domain.model.Listener;
import io.gatewire.domain.status.Condition;
import io.gatewire.domain.status.StatusBody;
import java.util.List;

/**
 * A listener after validation: whether Gatewire programs it, the route kinds it accepts, its
 * conditions, and for HTTPS the SDS names of its certificates.
 */
record ListenerState(Gateway gateway, Listener listener, boolean programmable, List<StatusBody.Kind> supportedKinds,
    List<Condition> conditions, List<String> certificateSecrets) {

  ListenerState {
    supportedKinds = List.copyOf(supportedKinds);
    conditions = List.copyOf(conditions);
    certificateSecrets = List.copyOf(certificateSecrets);
  }

  boolean accepts(String routeKind) {
    return supportedKinds.stream().anyMatch(k -> k.kind().equals(routeKind));
  }
}
