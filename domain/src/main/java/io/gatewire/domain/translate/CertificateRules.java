package io.gatewire.domain.translate;

import java.util.Optional;

/**
 * Which certificate chains and private keys the proxy serves. A listener's certificateRef whose
 * Secret holds a {@code tls.crt} and {@code tls.key} the proxy would refuse is not resolved ({@code
 * ResolvedRefs=False}, reason {@code InvalidCertificateRef}) and its Secret is never sent: a
 * refused Secret leaves the proxy's listener serving TLS with no certificate at all. The rules are
 * the sink's concern (Envoy's, with BoringSSL's key types and sizes, are in {@code adapters-xds},
 * wired by bootstrap); {@link #conservative()} is the default when nothing else is wired.
 */
@FunctionalInterface
public interface CertificateRules {
  /**
   * Why the proxy would refuse this certificate chain ({@code tls.crt}) and private key ({@code
   * tls.key}), as a phrase that names the field at fault and never quotes either's content; nothing
   * when it serves them.
   */
  Optional<String> problem(byte[] certificateChain, byte[] privateKey);

  /**
   * The translator's default: a java.security check that accepts a subset of what proxies serve;
   * see {@link ConservativeCertificateRules}.
   */
  static CertificateRules conservative() {
    return ConservativeCertificateRules.INSTANCE;
  }
}
