package io.gatewire.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor of figure 7 ({@code java -cp benchmarks.jar io.gatewire.benchmarks.YamlParseOnly
 * FILE}): parses every document of a file into Jackson trees with the YAML parser {@code translate}
 * uses, keeps them all, prints the count and exits. A translation cannot be faster than this.
 */
public final class YamlParseOnly {
  private YamlParseOnly() {}

  public static void main(String[] args) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> iterator =
        new YAMLMapper().readerFor(JsonNode.class).readValues(Path.of(args[0]).toFile())) {
      while (iterator.hasNext()) {
        documents.add(iterator.next());
      }
    }
    System.out.println(documents.size() + " documents");
  }
}
