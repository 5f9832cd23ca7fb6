package io.gatewire.adapters.k8s.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAPI schemas of the Gateway API CRDs (v1.6.1, experimental channel, every served version),
 * as the API server validates objects against them. They are read once from the resource {@code
 * crd/gateway-api-v1.6.1-experimental.json} beside this class: each CRD version's {@code
 * openAPIV3Schema} with its descriptions left out, keyed by {@code "<apiVersion> <kind>"} (see
 * {@code crd/README.md}).
 */
final class CrdSchemas {
  static final String RESOURCE = "crd/gateway-api-v1.6.1-experimental.json";

  private static volatile CrdSchemas loaded;

  private final Map<String, StructuralSchema> schemas;

  private CrdSchemas(Map<String, StructuralSchema> schemas) {
    this.schemas = schemas;
  }

  static CrdSchemas get() {
    CrdSchemas result = loaded;
    if (result == null) {
      synchronized (CrdSchemas.class) {
        result = loaded;
        if (result == null) {
          result = load();
          loaded = result;
        }
      }
    }
    return result;
  }

  /** The schema of {@code kind} in {@code apiVersion}, if it is a Gateway API CRD's. */
  Optional<StructuralSchema> find(String apiVersion, String kind) {
    return Optional.ofNullable(schemas.get(apiVersion + " " + kind));
  }

  private static CrdSchemas load() {
    try (InputStream in = CrdSchemas.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + RESOURCE + " is missing");
      }
      JsonNode all = new ObjectMapper().readTree(in);
      Map<String, StructuralSchema> schemas = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        schemas.put(entry.getKey(), new StructuralSchema(entry.getValue()));
      }
      return new CrdSchemas(Map.copyOf(schemas));
    } catch (IOException e) {
      throw new UncheckedIOException("the resource " + RESOURCE + " does not parse", e);
    }
  }
}
