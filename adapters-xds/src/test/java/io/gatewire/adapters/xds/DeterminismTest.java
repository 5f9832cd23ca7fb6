package io.gatewire.adapters.xds;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.gatewire.adapters.xds.XdsDocumentWriter.Format;
import io.gatewire.adapters.xds.proto.DeterministicBytes;
import io.gatewire.adapters.xds.testing.IrFixtures;
import io.gatewire.adapters.xds.testing.IrYaml;
import io.gatewire.domain.metadata.MetadataOptions;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Same IR, same bytes: across builds, across input order, across a YAML round trip. */
class DeterminismTest {
  private final XdsTranslator translator = new XdsTranslator(MetadataOptions.DEFAULTS);

  @Test
  void sameIrTranslatedTwice_givesIdenticalBytesAndText() {
    XdsResources first = translator.translate(IrFixtures.rich());
    XdsResources second = new XdsTranslator(MetadataOptions.DEFAULTS).translate(IrFixtures.rich());

    assertThat(bytes(second)).containsExactlyElementsOf(bytes(first));
    assertThat(new XdsDocumentWriter(Format.YAML).write(second))
        .isEqualTo(new XdsDocumentWriter(Format.YAML).write(first));
  }

  @ParameterizedTest(name = "shuffle seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
  void inputListsInAnyOrder_giveIdenticalBytes(long seed) {
    List<String> expected = bytes(translator.translate(IrFixtures.rich()));

    assertThat(bytes(translator.translate(IrFixtures.rich(new Random(seed)))))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void irYamlRoundTrip_givesIdenticalBytes() {
    XdsResources direct = translator.translate(IrFixtures.rich());
    XdsResources viaYaml = translator.translate(IrYaml.read(IrYaml.write(IrFixtures.rich())));

    assertThat(bytes(viaYaml)).containsExactlyElementsOf(bytes(direct));
  }

  /** Every resource's deterministic bytes, in Base64 so that failures print readably. */
  private static List<String> bytes(XdsResources resources) {
    return Stream.of(
            resources.listeners(),
            resources.routes(),
            resources.clusters(),
            resources.endpoints(),
            resources.secrets())
        .flatMap(List::stream)
        .map(Message.class::cast)
        .map(m -> Base64.getEncoder().encodeToString(DeterministicBytes.of(m)))
        .toList();
  }
}
