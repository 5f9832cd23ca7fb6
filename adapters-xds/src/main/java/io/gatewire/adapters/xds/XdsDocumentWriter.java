package io.gatewire.adapters.xds;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.gatewire.adapters.xds.proto.TypedConfigs;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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

  /** Messages turned into trees at once; bounds the memory of a large document. */
  private static final int CHUNK = 512;

  private final Format format;
  private final ObjectWriter writer;
  private final ProtoJsonTrees trees =
      new ProtoJsonTrees(
          JSON,
          JsonFormat.printer()
              .usingTypeRegistry(TypedConfigs.registry())
              .omittingInsignificantWhitespace());

  public XdsDocumentWriter(Format format) {
    this.format = format;
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
    return text(out -> write(resources, null, out));
  }

  /** The document with {@code status} appended as the last top-level key. */
  public String write(XdsResources resources, JsonNode status) {
    return text(out -> write(resources, status, out));
  }

  /** A document holding only {@code status}. */
  public String writeStatusOnly(JsonNode status) {
    return text(out -> writeStatusOnly(status, out));
  }

  /**
   * Writes the document of {@code resources}, followed by {@code status} unless it is null, to
   * {@code out} as it goes: a large configuration is never held as one text or one tree.
   */
  public void write(XdsResources resources, JsonNode status, Writer out) throws IOException {
    try (JsonGenerator generator = generator(out)) {
      generator.writeStartObject();
      list(generator, "listeners", resources.listeners());
      list(generator, "routes", resources.routes());
      list(generator, "clusters", resources.clusters());
      list(generator, "endpoints", resources.endpoints());
      list(
          generator,
          "secrets",
          resources.secrets().stream()
              .map(secret -> Secret.newBuilder().setName(secret.getName()).build())
              .toList());
      if (status != null) {
        generator.writeFieldName("status");
        generator.writeTree(status);
      }
      generator.writeEndObject();
    }
    endLine(out);
  }

  /** Writes a document holding only {@code status} to {@code out}. */
  public void writeStatusOnly(JsonNode status, Writer out) throws IOException {
    try (JsonGenerator generator = generator(out)) {
      generator.writeStartObject();
      generator.writeFieldName("status");
      generator.writeTree(status == null ? NullNode.getInstance() : status);
      generator.writeEndObject();
    }
    endLine(out);
  }

  private JsonGenerator generator(Writer out) throws IOException {
    return writer.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  /**
   * The messages' trees in order. Printing dominates large documents, so each chunk of messages is
   * turned into trees in parallel, then written and dropped before the next.
   */
  private void list(JsonGenerator generator, String name, List<? extends MessageOrBuilder> messages)
      throws IOException {
    generator.writeFieldName(name);
    generator.writeStartArray();
    for (int from = 0; from < messages.size(); from += CHUNK) {
      List<JsonNode> chunk =
          messages.subList(from, Math.min(messages.size(), from + CHUNK)).parallelStream()
              .map(trees::tree)
              .toList();
      for (JsonNode tree : chunk) {
        generator.writeTree(tree);
      }
    }
    generator.writeEndArray();
  }

  /** JSON ends without a line break, YAML with one: the document always ends with one. */
  private void endLine(Writer out) throws IOException {
    if (format == Format.JSON) {
      out.write('\n');
    }
    out.flush();
  }

  private static String text(DocumentWrite write) {
    StringWriter out = new StringWriter();
    try {
      write.to(out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string does not fail", e);
    }
    return out.toString();
  }

  /** One write of a document to a writer. */
  private interface DocumentWrite {
    void to(Writer out) throws IOException;
  }
}
