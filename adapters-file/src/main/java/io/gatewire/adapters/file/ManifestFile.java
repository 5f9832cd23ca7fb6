package io.gatewire.adapters.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The text of one input (a file or stdin) and the name messages use for it. JSON files are read with
 * the JSON parser; everything else, stdin included, with the YAML parser (JSON is valid YAML). Both
 * reject duplicate keys, as kubectl does.
 */
record ManifestFile(String name, String text, boolean json) {
  static final String STDIN_NAME = "<stdin>";

  /** SnakeYAML's default of 3 MiB per document is too small for a List of thousands of routes. */
  private static final int MAX_DOCUMENT_CODE_POINTS = 256 * 1024 * 1024;
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final YAMLFactory YAML = YAMLFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      .loaderOptions(loaderOptions())
      .build();

  /** A new parser over the whole text, each document one root-level value. */
  JsonParser parser() throws IOException {
    return json ? JSON.createParser(text) : YAML.createParser(text);
  }

  /** What the syntax is called in messages. */
  String syntax() {
    return json ? "JSON" : "YAML";
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_DOCUMENT_CODE_POINTS);
    return options;
  }
}
