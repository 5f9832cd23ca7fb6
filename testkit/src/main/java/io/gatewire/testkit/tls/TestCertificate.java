package io.gatewire.testkit.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A committed test certificate chain and its private key, as PEM text: what a Kubernetes TLS
 * Secret's {@code tls.crt} and {@code tls.key} hold. Test only: the keys are public.
 */
public enum TestCertificate {
  /**
   * RSA 2048 for {@code example.com} and {@code *.example.com}, issued by a test CA: the chain is
   * the leaf, then the CA. The traditional key is PKCS#1 ({@code BEGIN RSA PRIVATE KEY}).
   */
  RSA("rsa", "rsa.pkcs1.key"),
  /**
   * ECDSA P-256, self-signed, for {@code example.com} and {@code *.example.com}. The traditional
   * key is SEC1 ({@code BEGIN EC PRIVATE KEY}).
   */
  ECDSA("ecdsa", "ecdsa.sec1.key"),
  /** RSA 1024, self-signed: a key size Envoy refuses. Its key is PKCS#8 only. */
  RSA_1024("rsa-1024", "rsa-1024.key");

  private static final String ROOT = "/io/gatewire/testkit/tls/";

  private final String name;
  private final String traditionalKeyFile;

  TestCertificate(String name, String traditionalKeyFile) {
    this.name = name;
    this.traditionalKeyFile = traditionalKeyFile;
  }

  /** The certificate chain, leaf first ({@code tls.crt}). */
  public String chainPem() {
    return read(name + ".crt");
  }

  /** The private key in PKCS#8 ({@code BEGIN PRIVATE KEY}). */
  public String keyPem() {
    return read(name + ".key");
  }

  /**
   * The private key as cert-manager and {@code openssl} write it by default for its type: PKCS#1
   * for RSA, SEC1 for ECDSA.
   */
  public String traditionalKeyPem() {
    return read(traditionalKeyFile);
  }

  /**
   * A {@code kubernetes.io/tls} Secret manifest holding this chain and the {@link
   * #traditionalKeyPem() traditional key}, base64 in {@code data} as the API server stores it.
   */
  public String secretYaml(String namespace, String secretName) {
    return """
        apiVersion: v1
        kind: Secret
        metadata:
          name: %s
          namespace: %s
        type: kubernetes.io/tls
        data:
          tls.crt: %s
          tls.key: %s
        """
        .formatted(secretName, namespace, base64(chainPem()), base64(traditionalKeyPem()));
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }

  private static String read(String file) {
    try (InputStream in = TestCertificate.class.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new IOException("test certificate missing from the classpath: " + ROOT + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
