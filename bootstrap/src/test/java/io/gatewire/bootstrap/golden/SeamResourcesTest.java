package io.gatewire.bootstrap.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.seam.RecordText;
import io.gatewire.domain.seam.SeamCases;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the domain seam's inputs honest: for every case under {@code
 * domain/src/test/resources/seam}, the records in {@code resources.json} are exactly what the
 * manifest decoder makes of the case's {@code input.yaml} ({@code -Dgolden.update=true} rewrites
 * them).
 */
class SeamResourcesTest {
  private static final Path ROOT = Path.of("..", "domain").resolve(SeamCases.ROOT);

  @TestFactory
  Stream<DynamicTest> decodedRecordsMatch() {
    List<Path> cases = SeamCases.cases(ROOT);
    assertThat(cases).as("seam cases under %s", ROOT).isNotEmpty();
    return cases.stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      GatewayResources decoded =
                          new FileConfigurationSource(List.of(dir.resolve(SeamCases.INPUT))).load();
                      SeamCases.check(dir, SeamCases.RESOURCES, RecordText.write(decoded));
                    }));
  }
}
