package io.gatewire.bootstrap.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.XdsResources;
import io.gatewire.adapters.xds.XdsTranslator;
import io.gatewire.adapters.xds.regex.EnvoyRegexDialect;
import io.gatewire.adapters.xds.serve.ConsistencyCheck;
import io.gatewire.adapters.xds.testing.EnvoyValidator;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.port.SourceException;
import io.gatewire.domain.translate.TranslationResult;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated and mutated manifests through the whole path, as {@code gatewire translate -f -} takes
 * them: decoding either succeeds or is a {@link SourceException}, translation never throws, and the
 * xDS of every Gateway passes Envoy's proto constraints and the snapshot consistency check and is
 * the same byte for byte whatever the document order. Tries are bounded so the suite stays fast.
 */
class ManifestPropertiesTest {
  private static final XdsDocument DOCUMENT =
      new XdsDocument(MetadataOptions.DEFAULTS, XdsDocument.Format.YAML);

  /**
   * The resources of {@code documents}, or nothing when the file source refuses them with a
   * SourceException.
   */
  private static Optional<GatewayResources> decode(List<ObjectNode> documents) {
    byte[] bytes = ManifestWorld.yaml(documents).getBytes(StandardCharsets.UTF_8);
    try {
      return Optional.of(
          new FileConfigurationSource(List.of(Path.of("-")), new ByteArrayInputStream(bytes))
              .load());
    } catch (SourceException e) {
      assertThat(e.getMessage()).as("a SourceException says where and what").contains("<stdin>");
      return Optional.empty();
    }
  }

  private static TranslationResult translate(GatewayResources resources) {
    return new Translator(TranslatorOptions.DEFAULTS, new EnvoyRegexDialect()).translate(resources);
  }

  @Property(tries = 150)
  void mutatedManifests_decodeOrFailWithASourceException(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 6) int mutations) {
    Optional<GatewayResources> decoded =
        decode(Mutations.apply(ManifestWorld.generate(seed), seed, mutations));

    Statistics.label("decoded").collect(decoded.isPresent());
  }

  @Property(tries = 150)
  void translation_neverThrows_andItsXdsIsValidAndConsistent(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int mutations) {
    Optional<GatewayResources> decoded =
        decode(Mutations.apply(ManifestWorld.generate(seed), seed, mutations));
    Statistics.label("decoded").collect(decoded.isPresent());
    if (decoded.isEmpty()) {
      return;
    }

    TranslationResult result = translate(decoded.get());

    XdsTranslator xds = new XdsTranslator(MetadataOptions.DEFAULTS);
    for (IrGateway gateway : result.ir().gateways()) {
      XdsResources resources = xds.translate(gateway);
      EnvoyValidator.assertValid(resources);
      assertThat(ConsistencyCheck.violations(resources)).as(gateway.key()).isEmpty();
    }
    EnvoyValidator.assertValid(xds.translate(result.ir().merged()));
    Statistics.label("gateways").collect(result.ir().gateways().size());
  }

  @Property(tries = 60)
  void xds_isByteIdentical_whateverTheDocumentOrder(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int mutations) {
    List<ObjectNode> documents = Mutations.apply(ManifestWorld.generate(seed), seed, mutations);
    Optional<GatewayResources> decoded = decode(documents);
    if (decoded.isEmpty()) {
      return;
    }
    String expected = DOCUMENT.render(translate(decoded.get()).ir(), null);

    for (int i = 1; i <= 2; i++) {
      GatewayResources shuffled = decode(ManifestWorld.shuffled(documents, seed + i)).orElseThrow();
      assertThat(DOCUMENT.render(translate(shuffled).ir(), null)).isEqualTo(expected);
    }
  }
}
