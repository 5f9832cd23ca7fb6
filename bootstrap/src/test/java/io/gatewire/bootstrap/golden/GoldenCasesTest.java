package io.gatewire.bootstrap.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.XdsTranslator;
import io.gatewire.adapters.xds.regex.EnvoyRegexDialect;
import io.gatewire.adapters.xds.testing.EnvoyValidator;
import io.gatewire.adapters.xds.testing.IrYaml;
import io.gatewire.adapters.xds.tls.EnvoyCertificateRules;
import io.gatewire.bootstrap.cli.CommandRunner;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.translate.SecretDelivery;
import io.gatewire.domain.translate.TranslationResult;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every golden case through the three seams: manifests to IR and status, IR to xDS, and the whole
 * {@code translate} command; plus Envoy's field constraints on what is emitted and byte-identical
 * output whatever the order of the input documents.
 */
class GoldenCasesTest {
  private static final String WITHHOLD_SECRETS = "--withhold-secrets";
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicContainer> goldenCases() {
    List<Path> cases = Goldens.cases();
    assertThat(cases).as("golden cases").hasSizeGreaterThanOrEqualTo(25);
    return cases.stream()
        .map(
            dir ->
                DynamicContainer.dynamicContainer(
                    dir.getFileName().toString(),
                    Stream.of(
                        DynamicTest.dynamicTest(
                            "manifests -> IR and status", () -> manifestsToIr(dir)),
                        DynamicTest.dynamicTest("IR -> xDS", () -> irToXds(dir)),
                        DynamicTest.dynamicTest("command translate", () -> command(dir)),
                        DynamicTest.dynamicTest(
                            "Envoy field constraints", () -> envoyConstraints(dir)),
                        DynamicTest.dynamicTest(
                            "shuffled documents give identical bytes", () -> shuffled(dir)))));
  }

  private static Path input(Path dir) {
    return dir.resolve(Goldens.INPUT);
  }

  /**
   * The case's extra {@code translate} flags ({@link Goldens#FLAGS}); {@code --withhold-secrets} is
   * the one known.
   */
  private static List<String> flags(Path dir) throws IOException {
    Path file = dir.resolve(Goldens.FLAGS);
    List<String> flags =
        Files.exists(file)
            ? Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty()).toList()
            : List.of();
    assertThat(flags).as("flags of %s", dir).isSubsetOf(WITHHOLD_SECRETS);
    return flags;
  }

  /** {@code translate -f input.yaml} with the case's flags and then {@code extra}. */
  private static CommandRunner.Run translateCommand(Path dir, Path input, String... extra)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("translate", "-f", input.toString()));
    args.addAll(flags(dir));
    args.addAll(List.of(extra));
    return CommandRunner.run(args.toArray(String[]::new));
  }

  /**
   * Translates as the commands do: the case's flags, regular expressions and certificates checked
   * by Envoy's rules.
   */
  private static TranslationResult translate(Path dir) throws Exception {
    TranslatorOptions options =
        flags(dir).contains(WITHHOLD_SECRETS)
            ? TranslatorOptions.DEFAULTS.withSecrets(SecretDelivery.withheld("withheld"))
            : TranslatorOptions.DEFAULTS;
    return new Translator(options, new EnvoyRegexDialect(), new EnvoyCertificateRules())
        .translate(new FileConfigurationSource(List.of(input(dir))).load());
  }

  private static void manifestsToIr(Path dir) throws Exception {
    Goldens.check(dir, "ir.yaml", IrYaml.write(translate(dir).ir()));
  }

  private static void irToXds(Path dir) {
    if (Goldens.UPDATE) {
      return;
    }
    Ir ir = IrYaml.read(Goldens.read(dir.resolve("ir.yaml")));
    String xds =
        new XdsDocument(MetadataOptions.DEFAULTS, XdsDocument.Format.YAML).render(ir, null);
    Goldens.check(dir, "xds.yaml", xds);
  }

  private static void command(Path dir) throws IOException {
    CommandRunner.Run xds = translateCommand(dir, input(dir));
    assertThat(xds.exitCode()).as(xds.err()).isZero();
    Goldens.check(dir, "xds.yaml", xds.out());
    Goldens.check(dir, "warnings.txt", xds.err());

    CommandRunner.Run status = translateCommand(dir, input(dir), "--emit", "status");
    assertThat(status.exitCode()).isZero();
    Goldens.check(dir, "status.yaml", status.out());

    CommandRunner.Run all = translateCommand(dir, input(dir), "--emit", "all");
    assertThat(all.out()).isEqualTo(xds.out() + status.out());
  }

  private static void envoyConstraints(Path dir) throws Exception {
    Ir ir = translate(dir).ir();
    XdsTranslator xds = new XdsTranslator(MetadataOptions.DEFAULTS);
    for (IrGateway gateway : ir.gateways()) {
      EnvoyValidator.assertValid(xds.translate(gateway));
    }
    EnvoyValidator.assertValid(xds.translate(ir.merged()));
  }

  private void shuffled(Path dir) throws IOException {
    List<JsonNode> documents =
        new ArrayList<>(
            YAML
                .readerFor(JsonNode.class)
                .<JsonNode>readValues(Files.readString(input(dir)))
                .readAll()
                .stream()
                .filter(d -> d != null && !d.isMissingNode() && !d.isNull())
                .toList());
    String expected = translateCommand(dir, input(dir)).out();
    Random random = new Random(dir.getFileName().toString().hashCode());
    for (int i = 0; i < 3; i++) {
      Collections.shuffle(documents, random);
      StringBuilder shuffled = new StringBuilder();
      for (JsonNode d : documents) {
        shuffled.append("---\n").append(YAML.writeValueAsString(d));
      }
      Path file = temp.resolve("shuffled-" + i + ".yaml");
      Files.writeString(file, shuffled);
      assertThat(translateCommand(dir, file).out()).isEqualTo(expected);
    }
  }
}
