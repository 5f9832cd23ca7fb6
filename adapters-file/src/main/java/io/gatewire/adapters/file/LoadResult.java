package io.gatewire.adapters.file;

import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.ObjectRef;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One read of the files: the resources, warnings about what was left out or replaced (an
 * unsupported kind, an object defined twice), each starting with {@code file:line}, and where each
 * object was read ({@code file:line} of the definition that counts).
 */
public record LoadResult(
    GatewayResources resources, List<String> warnings, Map<ObjectRef, String> locations) {
  public LoadResult {
    Objects.requireNonNull(resources, "resources");
    warnings = List.copyOf(warnings);
    locations = Map.copyOf(locations);
  }
}
