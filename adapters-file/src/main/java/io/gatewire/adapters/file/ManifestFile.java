package io.gatewire.adapters.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The text of one input (a file or stdin), or of a part of it that starts below its first line
 * ({@code lineOffset} lines down), and the name messages use for it. JSON files are read with the
 * JSON parser; everything else, stdin included, with the YAML parser (JSON is valid YAML). Both
 * reject duplicate keys, as kubectl does.
 */
record ManifestFile(
    String name, String text, int lineOffset, boolean json, ManifestFile.Parsers parsers) {
  static final String STDIN_NAME = "<stdin>";

  /** The part of this input that is {@code partText}, starting at line {@code firstLine}. */
  ManifestFile part(String partText, int firstLine) {
    return new ManifestFile(name, partText, lineOffset + firstLine - 1, json, parsers);
  }

  /** The line of the input that is line {@code parserLine} of this text. */
  int line(int parserLine) {
    return parserLine + lineOffset;
  }

  /**
   * A new parser over the whole text, each document one root-level value, within the input limits.
   */
  JsonParser parser() throws IOException {
    return parsers.parser(text, json);
  }

  /** What the syntax is called in messages. */
  String syntax() {
    return json ? "JSON" : "YAML";
  }

  /**
   * The JSON and YAML parser factories for one set of {@link InputLimits}. Both reject duplicate
   * keys, as kubectl does. Jackson's and SnakeYAML's own size limits are set to the file size
   * limit, so the file size check (made before reading) is the one that answers; SnakeYAML's
   * default of 3 MiB per document is too small for a List of thousands of routes.
   */
  static final class Parsers {
    private final InputLimits limits;
    private final JsonFactory jsonFactory;
    private final YAMLFactory yamlFactory;

    Parsers(InputLimits limits) {
      this.limits = limits;
      StreamReadConstraints constraints =
          StreamReadConstraints.builder()
              .maxNestingDepth(limits.maxNestingDepth() + 1)
              .maxStringLength(limits.maxChars())
              .maxNameLength(limits.maxChars())
              .build();
      this.jsonFactory =
          JsonFactory.builder()
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .streamReadConstraints(constraints)
              .build();
      this.yamlFactory =
          YAMLFactory.builder()
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
              .streamReadConstraints(constraints)
              .loaderOptions(loaderOptions(limits))
              .build();
    }

    InputLimits limits() {
      return limits;
    }

    JsonParser parser(String text, boolean json) throws IOException {
      JsonParser parser = json ? jsonFactory.createParser(text) : yamlFactory.createParser(text);
      return new LimitedParser(parser, limits.maxNestingDepth());
    }

    private static LoaderOptions loaderOptions(InputLimits limits) {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(limits.maxChars());
      return options;
    }
  }
}
