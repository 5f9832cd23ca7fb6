package io.gatewire.adapters.xds.serve;

import io.gatewire.adapters.xds.mapping.ListenerBinding;
import io.gatewire.domain.metadata.MetadataOptions;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * How to serve: the gRPC port (0 picks a free one, see {@link XdsServing#port()}), how metadata is
 * emitted, the transport's security, and where:
 *
 * @param tls TLS for the xDS port (mutual when it has a client CA); empty serves plaintext
 * @param allowInsecureSecrets serve Secrets on streams without a verified client certificate too
 *     (local development); otherwise such a stream never gets one ({@link SecretGuard})
 * @param authorizeBySan serve a node only the Gateway its client certificate names ({@link
 *     SanAuthorization}); needs mutual TLS
 * @param address the interface the xDS port binds; empty binds every interface
 * @param listeners where Envoy binds the listeners it is served ({@link ListenerBinding})
 */
public record ServingOptions(
    int port,
    MetadataOptions metadata,
    Optional<XdsTls> tls,
    boolean allowInsecureSecrets,
    boolean authorizeBySan,
    Optional<InetAddress> address,
    ListenerBinding listeners) {
  public ServingOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("not a port: " + port);
    }
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(listeners, "listeners");
    if (authorizeBySan && !tls.map(XdsTls::mutual).orElse(false)) {
      throw new IllegalArgumentException("authorizing by SAN needs mutual TLS (a client CA)");
    }
  }

  /** On every interface, listeners bound where the Gateways say. */
  public ServingOptions(
      int port,
      MetadataOptions metadata,
      Optional<XdsTls> tls,
      boolean allowInsecureSecrets,
      boolean authorizeBySan) {
    this(
        port,
        metadata,
        tls,
        allowInsecureSecrets,
        authorizeBySan,
        Optional.empty(),
        ListenerBinding.AS_GATEWAY);
  }

  /** Plaintext; Secrets withheld from every stream, none being authenticated. */
  public ServingOptions(int port, MetadataOptions metadata) {
    this(port, metadata, Optional.empty(), false, false);
  }

  /**
   * These options with the xDS port on {@code address} and listeners bound as {@code listeners}
   * say.
   */
  public ServingOptions at(Optional<InetAddress> address, ListenerBinding listeners) {
    return new ServingOptions(
        port, metadata, tls, allowInsecureSecrets, authorizeBySan, address, listeners);
  }

  /**
   * True when the server may hand out Secrets at all: to mTLS-authenticated streams, or to any when
   * allowed.
   */
  public boolean secretsServable() {
    return allowInsecureSecrets || tls.map(XdsTls::mutual).orElse(false);
  }
}
