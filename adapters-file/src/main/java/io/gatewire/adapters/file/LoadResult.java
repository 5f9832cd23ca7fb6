package io.gatewire.adapters.file;

import io.gatewire.domain.model.GatewayResources;
import java.util.List;
import java.util.Objects;

/**
 * One read of the files: the resources, and warnings about what was left out or replaced (an
 * unsupported kind, an object defined twice), each starting with {@code file:line}.
 */
public record LoadResult(GatewayResources resources, List<String> warnings) {
  public LoadResult {
    Objects.requireNonNull(resources, "resources");
    warnings = List.copyOf(warnings);
  }
}
