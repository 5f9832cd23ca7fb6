package io.gatewire.bootstrap.routecheck;

import io.gatewire.domain.model.ObjectRef;
import java.util.Optional;

/**
 * A cluster change a test makes while it runs ({@code runtimeChanges}). route-check can apply
 * {@code delete <Kind> <namespace>/<name>}: the object leaves the input. Any other change (a {@code
 * patch}, whose content the data does not hold) is reported as not applied.
 */
public record RuntimeChange(String text, Optional<ObjectRef> deleted) {

  public static RuntimeChange parse(String text) {
    String[] words = text.trim().split("\\s+");
    if (words.length == 3 && words[0].equals("delete")) {
      String[] ref = words[2].split("/", 2);
      ObjectRef deleted =
          ref.length == 2
              ? new ObjectRef(words[1], ref[0], ref[1])
              : new ObjectRef(words[1], "", ref[0]);
      return new RuntimeChange(text, Optional.of(deleted));
    }
    return new RuntimeChange(text, Optional.empty());
  }

  public boolean applicable() {
    return deleted.isPresent();
  }
}
