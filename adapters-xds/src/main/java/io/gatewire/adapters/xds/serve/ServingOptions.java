package io.gatewire.adapters.xds.serve;

import io.gatewire.domain.metadata.MetadataOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * How to serve: the gRPC port (0 picks a free one, see {@link XdsServing#port()}), how metadata is
 * emitted, and the transport's security:
 *
 * @param tls TLS for the xDS port (mutual when it has a client CA); empty serves plaintext
 * @param allowInsecureSecrets serve Secrets on streams without a verified client certificate too
 *     (local development); otherwise such a stream never gets one ({@link SecretGuard})
 * @param authorizeBySan serve a node only the Gateway its client certificate names ({@link
 *     SanAuthorization}); needs mutual TLS
 */
public record ServingOptions(
    int port,
    MetadataOptions metadata,
    Optional<XdsTls> tls,
    boolean allowInsecureSecrets,
    boolean authorizeBySan) {
  public ServingOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("not a port: " + port);
    }
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(tls, "tls");
    if (authorizeBySan && !tls.map(XdsTls::mutual).orElse(false)) {
      throw new IllegalArgumentException("authorizing by SAN needs mutual TLS (a client CA)");
    }
  }

  /** Plaintext; Secrets withheld from every stream, none being authenticated. */
  public ServingOptions(int port, MetadataOptions metadata) {
    this(port, metadata, Optional.empty(), false, false);
  }

  /**
   * True when the server may hand out Secrets at all: to mTLS-authenticated streams, or to any when
   * allowed.
   */
  public boolean secretsServable() {
    return allowInsecureSecrets || tls.map(XdsTls::mutual).orElse(false);
  }
}
