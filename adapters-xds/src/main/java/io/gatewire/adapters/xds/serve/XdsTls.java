package io.gatewire.adapters.xds.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS for the xDS port, from PEM files: the server's certificate chain and private key and, for
 * mutual TLS, the CA bundle that client certificates must chain to (then a client certificate is
 * required). The files are read again every {@code refresh}: a changed file (cert-manager renewed
 * it) is used for new connections without a restart; a changed file that does not parse is logged
 * and the previous credentials stay in use.
 */
public record XdsTls(
    Path certificateChain, Path privateKey, Optional<Path> clientCa, Duration refresh) {
  public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(10);

  public XdsTls {
    Objects.requireNonNull(certificateChain, "certificateChain");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(clientCa, "clientCa");
    if (refresh.isNegative() || refresh.isZero()) {
      throw new IllegalArgumentException("refresh must be positive: " + refresh);
    }
  }

  public boolean mutual() {
    return clientCa.isPresent();
  }
}
