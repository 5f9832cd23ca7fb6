package io.gatewire.adapters.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.gatewire.adapters.k8s.decode.DocumentLocation;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Lines of one document of a file, as {@code file:line}. The document's start line is known from
 * the first read; the lines of its fields are found only when asked for (an error, or the items of
 * a List), by parsing the document again, and kept for later questions. A field that is absent (a
 * missing required field) answers with the line of its nearest enclosing field.
 */
final class DocumentLines implements DocumentLocation {
  private final ManifestFile file;
  private final int index;
  private final int startLine;
  private Map<String, Integer> fieldLines;

  DocumentLines(ManifestFile file, int index, int startLine) {
    this.file = file;
    this.index = index;
    this.startLine = startLine;
  }

  @Override
  public String at(JsonPointer pointer) {
    if (pointer.matches()) {
      return file.name() + ":" + startLine;
    }
    Map<String, Integer> lines = fieldLines();
    for (JsonPointer candidate = pointer; candidate != null; candidate = candidate.head()) {
      Integer line = lines.get(candidate.toString());
      if (line != null) {
        return file.name() + ":" + line;
      }
    }
    return file.name() + ":" + startLine;
  }

  private Map<String, Integer> fieldLines() {
    if (fieldLines == null) {
      fieldLines = scan();
    }
    return fieldLines;
  }

  /**
   * Records the first line of every value of the document by its JSON pointer. The text was parsed
   * once already, so a failure here cannot happen in practice; the start line then answers.
   */
  private Map<String, Integer> scan() {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = file.parser()) {
      for (int skipped = 0; skipped < index; skipped++) {
        parser.nextToken();
        parser.skipChildren();
      }
      int depth = 0;
      JsonToken token = parser.nextToken();
      while (token != null) {
        JsonStreamContext context =
            token.isStructStart()
                ? parser.getParsingContext().getParent()
                : parser.getParsingContext();
        lines.putIfAbsent(
            context.pathAsPointer().toString(),
            file.line(parser.currentTokenLocation().getLineNr()));
        depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
        token = depth > 0 ? parser.nextToken() : null;
      }
    } catch (IOException e) {
      return lines;
    }
    return lines;
  }
}
