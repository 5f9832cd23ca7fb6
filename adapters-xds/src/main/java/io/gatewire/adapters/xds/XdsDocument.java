package io.gatewire.adapters.xds;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.metadata.MetadataOptions;

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
}
