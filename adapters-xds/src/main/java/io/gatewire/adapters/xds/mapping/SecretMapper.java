package io.gatewire.adapters.xds.mapping;

import com.google.protobuf.ByteString;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;
import io.gatewire.domain.ir.IrSecret;

/** {@link IrSecret} as an SDS Secret holding the certificate chain and private key inline. */
public final class SecretMapper {

  public Secret map(IrSecret secret) {
    return Secret.newBuilder()
        .setName(secret.name())
        .setTlsCertificate(
            TlsCertificate.newBuilder()
                .setCertificateChain(inline(secret.certificateChain()))
                .setPrivateKey(inline(secret.privateKey())))
        .build();
  }

  private static DataSource inline(byte[] bytes) {
    return DataSource.newBuilder().setInlineBytes(ByteString.copyFrom(bytes)).build();
  }
}
