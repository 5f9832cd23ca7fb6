package io.gatewire.adapters.xds.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.adapters.xds.XdsDocument;
import io.gatewire.adapters.xds.XdsTranslator;
import io.gatewire.adapters.xds.testing.IrFixtures;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.metadata.MetadataOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

/**
 * Wherever served configuration can be printed (config dump, {@code translate}'s document, toString
 * of the IR and of the mapped resources, the serving log), a Secret shows its name and no key
 * material.
 */
class KeyMaterialRedactionTest {
  private static final IrGateway GATEWAY = IrFixtures.rich();
  private static final String SECRET = "infra/api-cert";

  /** The key and certificate bytes of the fixture, as text and as base64 (as JSON prints bytes). */
  private static AbstractStringAssert<?> assertNoKeyMaterial(String printed) {
    byte[] key = GATEWAY.secrets().get(0).privateKey();
    byte[] chain = GATEWAY.secrets().get(0).certificateChain();
    return assertThat(printed)
        .doesNotContain(
            "PRIVATE KEY",
            "BEGIN CERTIFICATE",
            new String(key, StandardCharsets.US_ASCII).lines().skip(1).findFirst().orElseThrow(),
            new String(chain, StandardCharsets.US_ASCII).lines().skip(1).findFirst().orElseThrow(),
            Base64.getEncoder().encodeToString(key).substring(0, 24),
            Base64.getEncoder().encodeToString(chain).substring(0, 24));
  }

  @Test
  void mappedResourcesAndIr_printSecretsByNameOnly() {
    var resources = new XdsTranslator(MetadataOptions.DEFAULTS).translate(GATEWAY);
    assertThat(
            resources
                .secrets()
                .get(0)
                .getTlsCertificate()
                .getPrivateKey()
                .getInlineBytes()
                .isEmpty())
        .isFalse();

    assertNoKeyMaterial(resources.toString()).contains(SECRET);
    assertNoKeyMaterial(GATEWAY.toString()).contains(SECRET);
    assertNoKeyMaterial(
            new XdsDocument(MetadataOptions.DEFAULTS, XdsDocument.Format.JSON)
                .render(new Ir(List.of(GATEWAY)), null))
        .contains(SECRET);
  }

  @Test
  void configDumpAndServingLog_ofAServerThatServesTheSecret_showItsNameOnly() {
    ServingOptions insecure =
        new ServingOptions(0, MetadataOptions.DEFAULTS, Optional.empty(), true, false);
    try (ServingHarness harness =
        ServingHarness.started(insecure).publish(new Ir(List.of(GATEWAY)))) {
      assertThat(harness.serving.servedResources(GATEWAY.key()).secrets()).hasSize(1);
      for (XdsDocument.Format format : XdsDocument.Format.values()) {
        harness
            .serving
            .configDump(format)
            .values()
            .forEach(dump -> assertNoKeyMaterial(dump).contains(SECRET));
      }
      assertNoKeyMaterial(String.join("\n", harness.logLinesContaining("")));
    }
  }
}
