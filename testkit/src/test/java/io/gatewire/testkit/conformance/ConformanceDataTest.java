package io.gatewire.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceDataTest {
  @TempDir Path temp;

  @Test
  void copyTo_writesTheIndexTheBaseAndEveryTestsFiles() throws Exception {
    Path data = ConformanceData.copyTo(temp.resolve("conformance"));

    assertThat(data.resolve("index.yaml")).isRegularFile();
    assertThat(data.resolve("base/manifests.yaml")).isRegularFile();
    int tests = ConformanceData.index().get("totals").get("tests").asInt();
    assertThat(ConformanceData.index().get("tests")).hasSize(tests);
    for (var test : ConformanceData.index().get("tests")) {
      Path dir = data.resolve(test.get("dir").asText());
      assertThat(dir.resolve("manifests.yaml")).isRegularFile();
      assertThat(Files.exists(dir.resolve("cases.yaml")))
          .as(test.get("name").asText())
          .isEqualTo(test.get("kind").asText().equals("cases"));
    }
  }
}
