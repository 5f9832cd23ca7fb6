package io.gatewire.adapters.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewire.domain.port.SourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Splits a file into its documents (YAML {@code ---} separated, or concatenated JSON values), each
 * with its location. Empty documents (a bare {@code ---}, only comments) are left out. Broken
 * syntax is an error at the line the parser stopped.
 */
final class DocumentReader {
  private final ObjectMapper trees = new ObjectMapper();

  List<ManifestDocument> read(ManifestFile file) throws SourceException {
    List<ManifestDocument> documents = new ArrayList<>();
    try (JsonParser parser = file.parser()) {
      int index = 0;
      while (parser.nextToken() != null) {
        int startLine = file.line(parser.currentTokenLocation().getLineNr());
        JsonNode document = trees.readTree(parser);
        if (document != null && !document.isNull()) {
          documents.add(
              new ManifestDocument(document, new DocumentLines(file, index, startLine), startLine));
        }
        index++;
      }
    } catch (JsonProcessingException e) {
      throw syntaxError(file, e);
    } catch (IOException e) {
      throw new SourceException(file.name(), "cannot read: " + e.getMessage(), e);
    }
    return documents;
  }

  /**
   * An error at the line where the input stops making sense: SnakeYAML's problem mark (Jackson's
   * own location may be the start of the construct instead), else the parser's location.
   */
  private static SourceException syntaxError(ManifestFile file, JsonProcessingException e) {
    if (e instanceof LimitedParser.LimitExceeded) {
      return new SourceException(
          file.name() + ":" + file.line(e.getLocation().getLineNr()), e.getOriginalMessage(), e);
    }
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
      return new SourceException(
          file.name() + ":" + file.line(yaml.getProblemMark().getLine() + 1),
          "invalid YAML: " + yaml.getProblem() + context,
          e);
    }
    int line = file.line(e.getLocation() == null ? 1 : e.getLocation().getLineNr());
    String message =
        e.getOriginalMessage() == null
            ? "cannot be parsed"
            : e.getOriginalMessage().lines().findFirst().orElse("");
    return new SourceException(
        file.name() + ":" + line, "invalid " + file.syntax() + ": " + message, e);
  }
}
