package io.gatewire.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.port.SourceException;
import io.gatewire.testkit.conformance.ConformanceData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upstream Gateway API conformance manifests (vendored in the testkit module) load without
 * errors: the base manifests together with each HTTPRoute test's own, as the suite applies them.
 * The only warnings are the kinds Gatewire does not read (Deployments, a ConfigMap).
 */
class ConformanceManifestsTest {
  private static final String CLASS_PLACEHOLDER = "{GATEWAY_CLASS_NAME}";

  @TempDir static Path copies;
  private static Path base;
  private static Path data;

  @BeforeAll
  static void copyBaseManifests() throws IOException {
    base = copy(conformanceDirectory().resolve("base/manifests.yaml"), "base.yaml");
  }

  /** The vendored data, copied once for this class. */
  static Path conformanceDirectory() {
    if (data == null) {
      data = ConformanceData.copyTo(copies.resolve("data"));
    }
    return data;
  }

  private static Path copy(Path manifests, String name) throws IOException {
    String text = Files.readString(manifests).replace(CLASS_PLACEHOLDER, "gatewire");
    return Files.writeString(copies.resolve(name), text);
  }

  private static List<Path> testDirectories() {
    try (Stream<Path> dirs = Files.list(conformanceDirectory().resolve("httproute"))) {
      return dirs.filter(dir -> Files.exists(dir.resolve("manifests.yaml")))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void baseManifests_loadWithOnlyUnsupportedKindWarnings() throws SourceException {
    LoadResult result = new FileConfigurationSource(List.of(base)).loadWithWarnings();

    assertThat(result.resources().gateways()).isNotEmpty();
    assertThat(result.resources().services()).isNotEmpty();
    assertThat(result.resources().namespaces()).isNotEmpty();
    assertThat(result.warnings())
        .isNotEmpty()
        .allSatisfy(
            warning ->
                assertThat(warning)
                    .containsPattern(
                        "skipped unsupported kind (apps/v1 Deployment|v1 ConfigMap) "));
  }

  @Test
  void everyHttpRouteTest_hasManifests() {
    assertThat(testDirectories()).hasSizeGreaterThanOrEqualTo(50);
  }

  @TestFactory
  Stream<DynamicTest> eachHttpRouteTest_manifestsLoadOnTopOfTheBaseWithoutErrors() {
    return testDirectories().stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      Path manifests =
                          copy(dir.resolve("manifests.yaml"), dir.getFileName() + ".yaml");

                      LoadResult result =
                          new FileConfigurationSource(List.of(base, manifests)).loadWithWarnings();

                      assertThat(result.resources().httpRoutes()).isNotEmpty();
                      assertThat(result.warnings())
                          .allSatisfy(
                              warning -> assertThat(warning).contains("skipped unsupported kind"));
                    }));
  }
}
