package io.gatewire.adapters.xds.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.gatewire.domain.ir.IrSecret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretMapperTest {

  @Test
  void secret_holdsChainAndKeyInline() {
    Secret secret =
        new SecretMapper()
            .map(
                new IrSecret(
                    "ns/cert",
                    "chain".getBytes(StandardCharsets.US_ASCII),
                    "key".getBytes(StandardCharsets.US_ASCII)));

    assertThat(secret.getName()).isEqualTo("ns/cert");
    assertThat(secret.getTlsCertificate().getCertificateChain().getInlineBytes().toStringUtf8())
        .isEqualTo("chain");
    assertThat(secret.getTlsCertificate().getPrivateKey().getInlineBytes().toStringUtf8())
        .isEqualTo("key");
  }
}
