package io.gatewire.domain.seam;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.Warning;
import io.gatewire.domain.translate.TranslationResult;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Gateway API to IR and status, the domain alone: each case's decoded records through the
 * translator with the default options (or the case's own metadata options), compared with {@code
 * ir.json} and {@code status.json}.
 */
class SeamGoldenTest {

  /** What a translation says about its input objects. */
  record Status(List<ObjectStatus> statuses, List<Warning> warnings) {}

  @TestFactory
  Stream<DynamicContainer> seamCases() {
    List<Path> cases = SeamCases.cases(SeamCases.ROOT);
    assertThat(cases).as("seam cases").hasSizeGreaterThanOrEqualTo(8);
    return cases.stream()
        .map(
            dir ->
                DynamicContainer.dynamicContainer(
                    dir.getFileName().toString(),
                    Stream.of(
                        DynamicTest.dynamicTest(
                            "records read back as written", () -> roundTrip(dir)),
                        DynamicTest.dynamicTest(
                            "Gateway API -> IR and status", () -> translate(dir)))));
  }

  @Test
  void everyCaseIsInTheReadmeRuleTable() {
    String readme = SeamCases.read(SeamCases.ROOT.resolve("README.md"));
    assertThat(SeamCases.cases(SeamCases.ROOT))
        .allSatisfy(
            dir ->
                assertThat(readme)
                    .as("seam README's rule table names case %s", dir.getFileName())
                    .contains("`" + dir.getFileName() + "`"));
  }

  /**
   * The case's records; empty only in update mode before bootstrap has written them (the domain
   * builds first, so a new case needs the update run twice).
   */
  private static Optional<String> resourcesText(Path dir) {
    Path file = dir.resolve(SeamCases.RESOURCES);
    if (SeamCases.UPDATE && !Files.exists(file)) {
      return Optional.empty();
    }
    assertThat(file)
        .as(
            "%s is written by bootstrap's SeamResourcesTest with -Dgolden.update=true"
                + " (run the update twice: the domain builds first)",
            file)
        .exists();
    return Optional.of(SeamCases.read(file));
  }

  private static void roundTrip(Path dir) {
    resourcesText(dir)
        .ifPresent(
            text ->
                assertThat(RecordText.write(RecordText.read(text, GatewayResources.class)))
                    .isEqualTo(text));
  }

  /** The defaults, with the case's {@code metadata-options.json} when it has one. */
  private static TranslatorOptions options(Path dir) {
    Path file = dir.resolve(SeamCases.METADATA_OPTIONS);
    if (!Files.exists(file)) {
      return TranslatorOptions.DEFAULTS;
    }
    MetadataOptions metadata = RecordText.read(SeamCases.read(file), MetadataOptions.class);
    return new TranslatorOptions(TranslatorOptions.DEFAULT_CONTROLLER_NAME, metadata);
  }

  private static void translate(Path dir) {
    Optional<String> text = resourcesText(dir);
    if (text.isEmpty()) {
      return;
    }
    GatewayResources resources = RecordText.read(text.get(), GatewayResources.class);
    TranslationResult result = new Translator(options(dir)).translate(resources);
    SeamCases.check(dir, SeamCases.IR, RecordText.write(result.ir()));
    SeamCases.check(
        dir, SeamCases.STATUS, RecordText.write(new Status(result.statuses(), result.warnings())));
  }
}
