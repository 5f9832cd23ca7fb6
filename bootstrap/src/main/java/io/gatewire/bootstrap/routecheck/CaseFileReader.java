package io.gatewire.bootstrap.routecheck;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a cases file; unknown fields are errors, so a misspelt expectation is not silently ignored.
 */
public final class CaseFileReader {
  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public CaseFile read(Path path) throws CaseFileException {
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      throw new CaseFileException(path + ": cannot read: " + e.getMessage(), e);
    }
    try {
      CaseFile file = yaml.readValue(text, CaseFile.class);
      if (file == null) {
        throw new CaseFileException(path + ":1: empty cases file", null);
      }
      return file;
    } catch (JsonProcessingException e) {
      int lineNr =
          e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
              ? lineOf(text, pointer(mapping))
              : -1;
      if (lineNr < 1) {
        JsonLocation where = e.getLocation();
        lineNr = where == null ? -1 : where.getLineNr();
      }
      String line = lineNr < 1 ? "" : ":" + lineNr;
      String message =
          e instanceof UnrecognizedPropertyException unknown
              ? "unknown field " + unknown.getPropertyName() + " at " + fieldPath(unknown)
              : e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                  ? fieldPath(mapping) + ": " + e.getOriginalMessage()
                  : e.getOriginalMessage();
      throw new CaseFileException(path + line + ": " + message, e);
    }
  }

  /**
   * The line of the field at {@code pointer}: record creators buffer their properties, so the
   * exception's own location is often the end of the object.
   */
  private int lineOf(String text, JsonPointer pointer) {
    try (JsonParser parser = yaml.getFactory().createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (parser.getParsingContext().pathAsPointer().equals(pointer)) {
          return parser.currentTokenLocation().getLineNr();
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  private static JsonPointer pointer(JsonMappingException e) {
    JsonPointer pointer = JsonPointer.empty();
    for (JsonMappingException.Reference ref : e.getPath()) {
      pointer =
          ref.getFieldName() != null
              ? pointer.appendProperty(ref.getFieldName())
              : pointer.appendIndex(ref.getIndex());
    }
    return pointer;
  }

  private static String fieldPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
