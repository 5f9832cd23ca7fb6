package io.gatewire.adapters.xds.mapping;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.gatewire.domain.incremental.Memo;
import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.metadata.ResourceOrigin;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ResourceMetadata} as Envoy metadata: {@code filter_metadata[<namespace>].resources}, one
 * struct per origin with {@code kind}, {@code groupVersion}, {@code namespace}, {@code name} and,
 * only when present, {@code sectionName}, {@code annotations} and {@code labels} (docs/metadata.md,
 * "Shape"). Equal metadata maps to one shared instance ({@link #METADATA}).
 */
public final class MetadataMapper {
  static final String RESOURCES = "resources";

  /** Metadata by the IR's: equal metadata, one instance. */
  static final String METADATA = "xds.metadata";

  private final String namespace;
  private final Memo<ResourceMetadata, Optional<Metadata>> built;

  public MetadataMapper(MetadataOptions options) {
    this(options, new Memos());
  }

  /** Remembering the metadata it built in {@code memos}. */
  public MetadataMapper(MetadataOptions options, Memos memos) {
    this.namespace = options.namespace();
    this.built = memos.memo(METADATA);
  }

  /** Empty when there is no origin: such objects carry no metadata field at all. */
  public Optional<Metadata> map(ResourceMetadata metadata) {
    if (metadata.isEmpty()) {
      return Optional.empty();
    }
    return built.get(metadata, metadata, () -> build(metadata));
  }

  private Optional<Metadata> build(ResourceMetadata metadata) {
    ListValue.Builder resources = ListValue.newBuilder();
    metadata
        .resources()
        .forEach(origin -> resources.addValues(Value.newBuilder().setStructValue(entry(origin))));
    Struct filterMetadata =
        Struct.newBuilder()
            .putFields(RESOURCES, Value.newBuilder().setListValue(resources).build())
            .build();
    return Optional.of(Metadata.newBuilder().putFilterMetadata(namespace, filterMetadata).build());
  }

  private static Struct entry(ResourceOrigin origin) {
    Struct.Builder entry =
        Struct.newBuilder()
            .putFields("kind", text(origin.kind()))
            .putFields("groupVersion", text(origin.groupVersion()))
            .putFields("namespace", text(origin.namespace()))
            .putFields("name", text(origin.name()));
    if (origin.sectionName() != null) {
      entry.putFields("sectionName", text(origin.sectionName()));
    }
    if (!origin.annotations().isEmpty()) {
      entry.putFields("annotations", strings(origin.annotations()));
    }
    if (!origin.labels().isEmpty()) {
      entry.putFields("labels", strings(origin.labels()));
    }
    return entry.build();
  }

  private static Value strings(Map<String, String> map) {
    Struct.Builder struct = Struct.newBuilder();
    map.forEach((key, value) -> struct.putFields(key, text(value)));
    return Value.newBuilder().setStructValue(struct).build();
  }

  private static Value text(String value) {
    return Value.newBuilder().setStringValue(value).build();
  }
}
