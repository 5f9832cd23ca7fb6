package io.gatewire.adapters.xds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.gatewire.adapters.xds.proto.TypedConfigs;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the {@code translate} document: {@code listeners}, {@code routes}, {@code clusters},
 * {@code endpoints}, {@code secrets} (in that order, each sorted by name) in the proto3 JSON
 * mapping as Envoy reads it, then an optional {@code status} the caller supplies. Secrets show
 * their name only, never key material. Maps print in the order they were built, which the IR keeps
 * sorted, so the same resources always print the same text and metadata entries read in the
 * contract's order.
 */
public final class XdsDocumentWriter {

  /** The output syntax. */
  public enum Format {
    YAML,
    JSON
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectWriter writer;
  private final ProtoJsonTrees trees =
      new ProtoJsonTrees(
          JSON,
          JsonFormat.printer()
              .usingTypeRegistry(TypedConfigs.registry())
              .omittingInsignificantWhitespace());

  public XdsDocumentWriter(Format format) {
    this.writer =
        format == Format.YAML
            ? new ObjectMapper(
                    YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                        .build())
                .writer()
            : JSON.writerWithDefaultPrettyPrinter();
  }

  public String write(XdsResources resources) {
    return render(document(resources));
  }

  /** The document with {@code status} appended as the last top-level key. */
  public String write(XdsResources resources, JsonNode status) {
    ObjectNode document = document(resources);
    document.set("status", status);
    return render(document);
  }

  /** A document holding only {@code status}. */
  public String writeStatusOnly(JsonNode status) {
    ObjectNode document = JSON.createObjectNode();
    document.set("status", status);
    return render(document);
  }

  private ObjectNode document(XdsResources resources) {
    ObjectNode document = JSON.createObjectNode();
    document.set("listeners", list(resources.listeners()));
    document.set("routes", list(resources.routes()));
    document.set("clusters", list(resources.clusters()));
    document.set("endpoints", list(resources.endpoints()));
    document.set(
        "secrets",
        list(
            resources.secrets().stream()
                .map(secret -> Secret.newBuilder().setName(secret.getName()).build())
                .toList()));
    return document;
  }

  /**
   * The messages' trees in order; printing dominates large documents, so messages are printed in
   * parallel.
   */
  private ArrayNode list(List<? extends MessageOrBuilder> messages) {
    ArrayNode list = JSON.createArrayNode();
    list.addAll(messages.parallelStream().map(trees::tree).toList());
    return list;
  }

  private String render(ObjectNode document) {
    try {
      String text = writer.writeValueAsString(document);
      return text.endsWith("\n") ? text : text + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a JSON tree always serializes", e);
    }
  }
}
