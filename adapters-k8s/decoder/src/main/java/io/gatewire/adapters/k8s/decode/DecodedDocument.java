package io.gatewire.adapters.k8s.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * What one document held: the objects Gatewire reads (several for a List) and warnings about the
 * objects it skipped, each warning starting with the place it is about.
 */
public record DecodedDocument(List<DecodedObject> objects, List<String> warnings) {
  public DecodedDocument {
    objects = List.copyOf(objects);
    warnings = List.copyOf(warnings);
  }

  static DecodedDocument of(DecodedObject object) {
    return new DecodedDocument(List.of(object), List.of());
  }

  static DecodedDocument skipped(String warning) {
    return new DecodedDocument(List.of(), List.of(warning));
  }

  static DecodedDocument concat(List<DecodedDocument> parts) {
    List<DecodedObject> objects = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (DecodedDocument part : parts) {
      objects.addAll(part.objects());
      warnings.addAll(part.warnings());
    }
    return new DecodedDocument(objects, warnings);
  }
}
