package io.gatewire.bootstrap.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gatewire.bootstrap.cli.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code gatewire explain} for every form of input, golden files per question (text and JSON) and
 * exit codes, resolved and unresolved ones alike (src/test/resources/explain/cases.yaml). With
 * {@code -Dgolden.update=true} the goldens are rewritten.
 */
class ExplainGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/explain");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> everyQuestion() throws IOException {
    List<Map<String, Object>> cases =
        new ObjectMapper(new YAMLFactory())
            .readValue(DIR.resolve("cases.yaml").toFile(), List.class);
    assertThat(cases).hasSizeGreaterThan(20);
    return cases.stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> check(c)));
  }

  @SuppressWarnings("unchecked")
  private static void check(Map<String, Object> c) throws IOException {
    String name = (String) c.get("name");
    List<String> args =
        new ArrayList<>(List.of("explain", "-f", DIR.resolve("input.yaml").toString()));
    args.addAll((List<String>) c.get("args"));
    CommandRunner.Run text = CommandRunner.run(args.toArray(String[]::new));
    args.add(3, "-o");
    args.add(4, "json");
    CommandRunner.Run json = CommandRunner.run(args.toArray(String[]::new));
    assertThat(text.exitCode())
        .as("%s: %s%s", name, text.out(), text.err())
        .isEqualTo(c.get("exit"));
    assertThat(json.exitCode()).as(name).isEqualTo(c.get("exit"));
    golden(name + ".txt", text.out());
    golden(name + ".json", json.out());
  }

  private static void golden(String file, String actual) throws IOException {
    Path golden = DIR.resolve(file);
    if (UPDATE) {
      Files.writeString(golden, actual);
      return;
    }
    assertThat(golden).as("golden %s (run with -Dgolden.update=true)", golden).exists();
    assertThat(actual).as(file).isEqualTo(Files.readString(golden));
  }
}
