package io.gatewire.adapters.xds;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.metadata.MetadataOptions;
import java.io.IOException;
import java.io.Writer;

/**
 * The printed form of a translation, for callers that must not see Envoy types: the xDS of every
 * Gateway (each with its own settings) merged into one document, optionally followed by status.
 */
public final class XdsDocument {

  /** The output syntax. */
  public enum Format {
    YAML,
    JSON
  }

  private final XdsTranslator translator;
  private final XdsDocumentWriter writer;

  public XdsDocument(MetadataOptions options, Format format) {
    this.translator = new XdsTranslator(options);
    this.writer =
        new XdsDocumentWriter(
            format == Format.JSON ? XdsDocumentWriter.Format.JSON : XdsDocumentWriter.Format.YAML);
  }

  /** Renders {@code ir} (null: only status) followed by {@code status} (null: none). */
  public String render(Ir ir, JsonNode status) {
    if (ir == null) {
      return writer.writeStatusOnly(status);
    }
    XdsResources resources = translator.translate(ir);
    return status == null ? writer.write(resources) : writer.write(resources, status);
  }

  /** Writes what {@link #render} returns to {@code out}, as it goes. */
  public void write(Ir ir, JsonNode status, Writer out) throws IOException {
    if (ir == null) {
      writer.writeStatusOnly(status, out);
    } else {
      writer.write(translator.translate(ir), status, out);
    }
  }
}
