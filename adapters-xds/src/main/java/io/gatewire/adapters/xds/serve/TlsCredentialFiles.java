package io.gatewire.adapters.xds.serve;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.util.AdvancedTlsX509KeyManager;
import io.grpc.util.AdvancedTlsX509TrustManager;
import io.grpc.util.CertificateUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server credentials of the xDS port, kept in step with their files. gRPC's {@link
 * AdvancedTlsX509KeyManager} and {@link AdvancedTlsX509TrustManager} hold the certificates and swap
 * them for new handshakes; this class reads the files (parsing with gRPC's {@link
 * CertificateUtils}) and feeds the managers. Its own polling, not the managers' file refresh,
 * because theirs refuses periods under a minute and its errors do not say which file is wrong.
 */
final class TlsCredentialFiles implements AutoCloseable {
  private static final String NOT_A_KEY =
      "holds no PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----, RSA or EC;"
          + " cert-manager writes one with spec.privateKey.encoding: PKCS8)";
  private final XdsTls tls;
  private final ServingLog log;
  private final AdvancedTlsX509KeyManager keys = new AdvancedTlsX509KeyManager();
  private final AdvancedTlsX509TrustManager trust;
  private final ScheduledExecutorService refresher;

  /** The file contents the managers hold now, to notice a change; guarded by {@code this}. */
  private byte[] chainBytes;

  private byte[] keyBytes;
  private byte[] caBytes;

  /** The problem the last refresh logged; only the refresher thread touches it. */
  private String lastProblem;

  private TlsCredentialFiles(XdsTls tls, ServingLog log) throws IOException {
    this.tls = tls;
    this.log = log;
    try {
      this.trust =
          tls.mutual()
              ? AdvancedTlsX509TrustManager.newBuilder()
                  .setVerification(
                      AdvancedTlsX509TrustManager.Verification.CERTIFICATE_ONLY_VERIFICATION)
                  .build()
              : null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    reload(true);
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gatewire-xds-tls-refresh");
              t.setDaemon(true);
              return t;
            });
    long millis = tls.refresh().toMillis();
    refresher.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Reads every file; throws, naming the file, when one cannot be read or parsed. */
  static TlsCredentialFiles load(XdsTls tls, ServingLog log) throws IOException {
    return new TlsCredentialFiles(tls, log);
  }

  /**
   * TLS with these credentials; with a client CA, a client certificate signed by it is required.
   */
  ServerCredentials credentials() {
    TlsServerCredentials.Builder builder = TlsServerCredentials.newBuilder().keyManager(keys);
    if (trust != null) {
      builder.trustManager(trust).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
    }
    return builder.build();
  }

  /** Reloads changed files; a problem is logged once, not on every poll while it lasts. */
  private void refresh() {
    String problem = null;
    try {
      reload(false);
    } catch (IOException e) {
      problem = e.getMessage();
    } catch (RuntimeException e) {
      problem = String.valueOf(e);
    }
    if (problem != null && !problem.equals(lastProblem)) {
      log.tlsReloadFailed(problem);
    }
    lastProblem = problem;
  }

  private synchronized void reload(boolean initial) throws IOException {
    byte[] chain = read(tls.certificateChain());
    byte[] key = read(tls.privateKey());
    if (!Arrays.equals(chain, chainBytes) || !Arrays.equals(key, keyBytes)) {
      X509Certificate[] certificates = certificates(tls.certificateChain(), chain);
      PrivateKey privateKey = privateKey(tls.privateKey(), key);
      if (!matches(certificates[0], privateKey)) {
        // also what a reload sees between the writes of a rotation: the next poll tries again
        throw new TlsFileException(
            tls.privateKey(),
            "is not the key of the first certificate in " + tls.certificateChain(),
            null);
      }
      keys.updateIdentityCredentials(certificates, privateKey);
      chainBytes = chain;
      keyBytes = key;
      if (!initial) {
        log.tlsReloaded(tls.certificateChain());
      }
    }
    if (tls.clientCa().isPresent()) {
      Path caFile = tls.clientCa().get();
      byte[] ca = read(caFile);
      if (!Arrays.equals(ca, caBytes)) {
        try {
          trust.updateTrustCredentials(certificates(caFile, ca));
        } catch (GeneralSecurityException e) {
          throw new TlsFileException(caFile, "not a usable CA bundle", e);
        }
        caBytes = ca;
        if (!initial) {
          log.tlsReloaded(caFile);
        }
      }
    }
  }

  /** Whether {@code key} signs what the certificate's public key verifies. */
  private static boolean matches(X509Certificate certificate, PrivateKey key) {
    String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    byte[] probe = "gatewire".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static byte[] read(Path file) throws TlsFileException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TlsFileException(file, "cannot be read", e);
    }
  }

  private static X509Certificate[] certificates(Path file, byte[] pem) throws TlsFileException {
    X509Certificate[] certificates;
    try {
      certificates = CertificateUtils.getX509Certificates(new ByteArrayInputStream(pem));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new TlsFileException(file, "not a PEM certificate", e);
    }
    if (certificates.length == 0) {
      throw new TlsFileException(file, "holds no PEM certificate", null);
    }
    return certificates;
  }

  private static PrivateKey privateKey(Path file, byte[] pem) throws TlsFileException {
    try {
      PrivateKey key = CertificateUtils.getPrivateKey(new ByteArrayInputStream(pem));
      if (key == null) {
        throw new TlsFileException(file, NOT_A_KEY, null);
      }
      return key;
    } catch (TlsFileException e) {
      throw e;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new TlsFileException(file, NOT_A_KEY, e);
    }
  }

  @Override
  public void close() {
    refresher.shutdownNow();
  }
}
