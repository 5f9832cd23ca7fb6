package io.gatewire.adapters.xds.testing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.ir.IrAction;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrHeaderChanges;
import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.metadata.ResourceOrigin;
import io.gatewire.domain.settings.GatewaySettings;
import io.gatewire.domain.settings.HttpSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * IR as YAML, for golden fixtures: the records as Jackson sees them, with {@link IrAction} tagged
 * by {@code type: Forward|DirectResponse|Redirect}. Absent lists, header changes, metadata and
 * Gateway settings read as empty (default), and are left out when written, so fixtures only say
 * what matters. The domain stays free of Jackson: everything here is mix-ins and overrides on a
 * test ObjectMapper.
 */
public final class IrYaml {
  private static final ObjectMapper MAPPER = mapper();

  private IrYaml() {}

  public static Ir read(String yaml) {
    try {
      return MAPPER.readValue(yaml, Ir.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an IR document: " + e.getOriginalMessage(), e);
    }
  }

  public static String write(Ir ir) {
    return writeValue(ir);
  }

  /** One Gateway, written as a whole IR document so that {@link #read} reads it back. */
  public static String write(IrGateway gateway) {
    return writeValue(new Ir(List.of(gateway)));
  }

  private static String writeValue(Ir ir) {
    try {
      return MAPPER.writeValueAsString(ir);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectMapper mapper() {
    ObjectMapper mapper =
        new ObjectMapper(
            YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build());
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_EMPTY);
    mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
    mapper
        .configOverride(ResourceMetadata.class)
        .setIncludeAsProperty(
            JsonInclude.Value.construct(
                JsonInclude.Include.CUSTOM, JsonInclude.Include.ALWAYS, EmptyMetadata.class, null));
    mapper
        .configOverride(IrHeaderChanges.class)
        .setIncludeAsProperty(
            JsonInclude.Value.construct(
                JsonInclude.Include.CUSTOM,
                JsonInclude.Include.ALWAYS,
                NoHeaderChanges.class,
                null));
    mapper
        .configOverride(GatewaySettings.class)
        .setIncludeAsProperty(
            JsonInclude.Value.construct(
                JsonInclude.Include.CUSTOM,
                JsonInclude.Include.ALWAYS,
                DefaultSettings.class,
                null));
    mapper
        .configOverride(HttpSettings.class)
        .setIncludeAsProperty(
            JsonInclude.Value.construct(
                JsonInclude.Include.CUSTOM,
                JsonInclude.Include.ALWAYS,
                DefaultHttpSettings.class,
                null));
    mapper
        .configOverride(GatewaySettings.Metrics.class)
        .setIncludeAsProperty(
            JsonInclude.Value.construct(
                JsonInclude.Include.CUSTOM,
                JsonInclude.Include.ALWAYS,
                DefaultMetrics.class,
                null));
    mapper.addMixIn(IrAction.class, IrActionMixin.class);
    mapper.addMixIn(IrAction.Forward.class, ForwardMixin.class);
    mapper.addMixIn(ResourceMetadata.class, NoEmptyProperty.class);
    mapper.addMixIn(IrHeaderChanges.class, NoEmptyProperty.class);
    mapper.registerModule(
        new SimpleModule("gatewire-ir")
            .addDeserializer(ResourceMetadata.class, new MetadataDeserializer()));
    return mapper;
  }

  /** The sealed action, tagged with its record's simple name. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = IrAction.Forward.class, name = "Forward"),
    @JsonSubTypes.Type(value = IrAction.DirectResponse.class, name = "DirectResponse"),
    @JsonSubTypes.Type(value = IrAction.Redirect.class, name = "Redirect")
  })
  private interface IrActionMixin {}

  /** Inclusion filter: equal to (so leaves out) the default HTTP settings. */
  private static final class DefaultHttpSettings {
    @Override
    public boolean equals(Object value) {
      return HttpSettings.DEFAULTS.equals(value);
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /** Inclusion filter: equal to (so leaves out) the default metrics. */
  private static final class DefaultMetrics {
    @Override
    public boolean equals(Object value) {
      return GatewaySettings.Metrics.DEFAULTS.equals(value);
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /** {@code webSocket} only when true. */
  private interface ForwardMixin {
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    boolean webSocket();
  }

  /** {@code isEmpty()} is a query, not a property. */
  @JsonIgnoreProperties("empty")
  private interface NoEmptyProperty {}

  /** Inclusion filter: equal to (so leaves out) metadata without origins. */
  private static final class EmptyMetadata {
    @Override
    public boolean equals(Object value) {
      return value instanceof ResourceMetadata m && m.isEmpty();
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /** Inclusion filter: equal to (so leaves out) the default settings of a Gateway. */
  private static final class DefaultSettings {
    @Override
    public boolean equals(Object value) {
      return GatewaySettings.DEFAULTS.equals(value);
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /** Inclusion filter: equal to (so leaves out) header changes that change nothing. */
  private static final class NoHeaderChanges {
    @Override
    public boolean equals(Object value) {
      return value instanceof IrHeaderChanges h && h.isEmpty();
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /** {@code resources: [...]}; absent or null is {@link ResourceMetadata#NONE}. */
  private static final class MetadataDeserializer extends StdDeserializer<ResourceMetadata> {
    private static final long serialVersionUID = 1L;

    MetadataDeserializer() {
      super(ResourceMetadata.class);
    }

    @Override
    public ResourceMetadata deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      Shape shape = context.readValue(parser, Shape.class);
      return new ResourceMetadata(shape.resources());
    }

    @Override
    public ResourceMetadata getNullValue(DeserializationContext context) {
      return ResourceMetadata.NONE;
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
      return ResourceMetadata.NONE;
    }

    @Override
    public Object getEmptyValue(DeserializationContext context) {
      return ResourceMetadata.NONE;
    }

    /** The serialized form of {@link ResourceMetadata}. */
    private record Shape(List<ResourceOrigin> resources) {}
  }
}
