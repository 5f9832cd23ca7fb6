package io.gatewire.adapters.xds;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.adapters.xds.XdsDocumentWriter.Format;
import io.gatewire.adapters.xds.testing.EnvoyValidator;
import io.gatewire.adapters.xds.testing.IrYaml;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.metadata.MetadataOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * IR -> xDS goldens: each {@code golden/ir/<case>.ir.yaml} translates (all Gateways merged) to
 * {@code <case>.xds.yaml}, the {@code translate} document, and passes Envoy's field constraints.
 * {@code -Dgolden.update=true} rewrites the goldens and deletes those whose fixture is gone.
 */
class IrToXdsGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/golden/ir");
  private static final String IR = ".ir.yaml";
  private static final String XDS = ".xds.yaml";
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private final XdsTranslator translator = new XdsTranslator(MetadataOptions.DEFAULTS);
  private final XdsDocumentWriter writer = new XdsDocumentWriter(Format.YAML);

  @TestFactory
  Stream<DynamicTest> eachIrFixture_translatesToItsGolden() throws IOException {
    List<String> cases = caseNames(IR);
    assertThat(cases).hasSizeGreaterThanOrEqualTo(6);
    return cases.stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
  }

  @Test
  void everyGolden_hasItsIrFixture() throws IOException {
    List<String> orphans =
        caseNames(XDS).stream().filter(name -> !Files.exists(DIR.resolve(name + IR))).toList();
    if (UPDATE) {
      for (String orphan : orphans) {
        Files.delete(DIR.resolve(orphan + XDS));
      }
    } else {
      assertThat(orphans).as("goldens without a fixture (run with -Dgolden.update=true)").isEmpty();
    }
  }

  private void check(String name) throws IOException {
    Ir ir = IrYaml.read(Files.readString(DIR.resolve(name + IR)));
    XdsResources resources = translator.translate(ir);
    EnvoyValidator.assertValid(resources);
    String actual = writer.write(resources);
    Path golden = DIR.resolve(name + XDS);
    if (UPDATE) {
      Files.writeString(golden, actual);
    } else {
      assertThat(golden).as("golden missing (run with -Dgolden.update=true)").exists();
      assertThat(actual).isEqualTo(Files.readString(golden));
    }
  }

  private static List<String> caseNames(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(file -> file.endsWith(suffix))
          .map(file -> file.substring(0, file.length() - suffix.length()))
          .sorted()
          .toList();
    }
  }
}
