package io.gatewire.adapters.k8s.decode;

import io.gatewire.domain.model.KubernetesObject;
import java.util.Objects;

/** One decoded object and where it was written, for messages about it (duplicates, for example). */
public record DecodedObject(KubernetesObject object, String location) {
  public DecodedObject {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(location, "location");
  }
}
