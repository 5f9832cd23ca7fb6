package io.gatewire.adapters.file;

import io.gatewire.adapters.k8s.decode.DecodedDocument;
import io.gatewire.adapters.k8s.decode.DecodedObject;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.ObjectRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers decoded documents in reading order. An object defined again (same kind, namespace and
 * name) replaces the earlier one, as a later {@code kubectl apply} would, with a warning naming
 * both places.
 */
final class ObjectCollector {
  private final Map<ObjectRef, DecodedObject> objects = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  void add(DecodedDocument document) {
    warnings.addAll(document.warnings());
    for (DecodedObject decoded : document.objects()) {
      DecodedObject replaced = objects.put(decoded.object().ref(), decoded);
      if (replaced != null) {
        warnings.add(
            decoded.location()
                + ": "
                + decoded.object().ref()
                + " replaces the one at "
                + replaced.location()
                + " (the last definition wins)");
      }
    }
  }

  LoadResult result() {
    GatewayResources.Builder resources = GatewayResources.builder();
    Map<ObjectRef, String> locations = new LinkedHashMap<>();
    objects.forEach(
        (ref, decoded) -> {
          resources.add(decoded.object());
          locations.put(ref, decoded.location());
        });
    return new LoadResult(resources.build(), warnings, locations);
  }
}
