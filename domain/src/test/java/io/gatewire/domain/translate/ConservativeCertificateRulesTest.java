package io.gatewire.domain.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.testkit.tls.TestCertificate;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConservativeCertificateRulesTest {
  private final CertificateRules rules = CertificateRules.conservative();

  private Optional<String> problem(String chain, String key) {
    Optional<String> problem =
        rules.problem(
            chain.getBytes(StandardCharsets.US_ASCII), key.getBytes(StandardCharsets.US_ASCII));
    problem.ifPresent(p -> assertNoKeyMaterial(p, key));
    return problem;
  }

  /** No line of the key's PEM body (nor of any test key) shows in a message. */
  static void assertNoKeyMaterial(String message, String... keys) {
    for (String key : keys) {
      key.lines()
          .filter(line -> !line.startsWith("-----") && line.length() > 8)
          .forEach(line -> assertThat(message).doesNotContain(line));
    }
  }

  private static String pkcs8Pem(PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static PrivateKey newKey(String algorithm) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    if (algorithm.equals("EC")) {
      generator.initialize(new ECGenParameterSpec("secp256r1"));
    } else {
      generator.initialize(2048);
    }
    return generator.generateKeyPair().getPrivate();
  }

  @Test
  void rsaChainOfTwo_andEcdsa_withPkcs8Keys_pass() {
    assertThat(problem(TestCertificate.RSA.chainPem(), TestCertificate.RSA.keyPem())).isEmpty();
    assertThat(problem(TestCertificate.ECDSA.chainPem(), TestCertificate.ECDSA.keyPem())).isEmpty();
  }

  @Test
  void garbage_isNoPemCertificate() {
    // the conformance suite's malformed Secret: "Hello world" as both
    assertThat(problem("Hello world\n", "Hello world\n"))
        .contains("tls.crt holds no PEM certificate (BEGIN CERTIFICATE)");
  }

  @Test
  void empty_namesTheEmptyField() {
    assertThat(problem("", TestCertificate.RSA.keyPem())).contains("tls.crt is empty");
    assertThat(problem(TestCertificate.RSA.chainPem(), "")).contains("tls.key is empty");
  }

  @Test
  void truncatedPem_saysSo() {
    String chain = TestCertificate.ECDSA.chainPem();
    assertThat(problem(chain.substring(0, chain.length() / 2), TestCertificate.ECDSA.keyPem()))
        .contains("tls.crt: its certificate has no END line (truncated?)");
    String rsaChain = TestCertificate.RSA.chainPem();
    assertThat(
            problem(rsaChain.substring(0, rsaChain.length() - 100), TestCertificate.RSA.keyPem()))
        .contains("tls.crt: certificate 2 has no END line (truncated?)");
    String key = TestCertificate.ECDSA.keyPem();
    assertThat(problem(chain, key.substring(0, key.length() / 2)))
        .contains("tls.key: its private key has no END line (truncated?)");
  }

  @Test
  void corruptedCertificate_namesItsPlaceInTheChain() {
    String chain = TestCertificate.RSA.chainPem();
    int second = chain.indexOf("-----BEGIN CERTIFICATE-----", 10);
    String corrupted =
        chain.substring(0, second) + chain.substring(second).replaceFirst("\nMII", "\nAAA");
    assertThat(problem(corrupted, TestCertificate.RSA.keyPem()))
        .contains("tls.crt: certificate 2 of 2 is not a valid X.509 certificate");
  }

  @Test
  void keyOfAnotherCertificate_doesNotMatch() throws Exception {
    assertThat(problem(TestCertificate.RSA.chainPem(), pkcs8Pem(newKey("RSA"))))
        .contains("tls.key does not match the certificate (the first in tls.crt)");
    assertThat(problem(TestCertificate.ECDSA.chainPem(), pkcs8Pem(newKey("EC"))))
        .contains("tls.key does not match the certificate (the first in tls.crt)");
    assertThat(problem(TestCertificate.ECDSA.chainPem(), TestCertificate.RSA.keyPem()))
        .contains("tls.key is an RSA key and does not match the certificate in tls.crt");
  }

  @Test
  void rsa1024_isRefused() {
    assertThat(problem(TestCertificate.RSA_1024.chainPem(), TestCertificate.RSA_1024.keyPem()))
        .contains(
            "tls.crt: the certificate's RSA key has 1024 bits; the default check accepts 2048 to"
                + " 4096");
  }

  @Test
  void traditionalKeyForms_areRefusedByName() {
    assertThat(problem(TestCertificate.RSA.chainPem(), TestCertificate.RSA.traditionalKeyPem()))
        .contains(
            "tls.key is a RSA PRIVATE KEY, which the default check does not read: it reads PKCS#8"
                + " keys (BEGIN PRIVATE KEY)");
    assertThat(problem(TestCertificate.ECDSA.chainPem(), TestCertificate.ECDSA.traditionalKeyPem()))
        .hasValueSatisfying(p -> assertThat(p).startsWith("tls.key is a EC PRIVATE KEY"));
  }

  @Test
  void encryptedKeys_areRefused() {
    String body = TestCertificate.ECDSA.keyPem().replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY");
    assertThat(problem(TestCertificate.ECDSA.chainPem(), body))
        .contains("tls.key is encrypted, and a proxy is given no password for it");
    String legacy =
        TestCertificate.RSA
            .traditionalKeyPem()
            .replace(
                "-----BEGIN RSA PRIVATE KEY-----\n",
                "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                    + "DEK-Info: AES-128-CBC,3922FCA27F712BFD7DFE29788BD6AD10\n\n");
    assertThat(problem(TestCertificate.RSA.chainPem(), legacy))
        .contains("tls.key is encrypted, and a proxy is given no password for it");
  }

  @Test
  void textAroundBlocks_andAKeyBlockInTheChain_areIgnored_asOpenSslDoes() {
    String chain =
        "subject=example.com\n"
            + TestCertificate.ECDSA.chainPem()
            + TestCertificate.ECDSA.keyPem()
            + "trailing words\n";
    String key = "comment\r\n" + TestCertificate.ECDSA.keyPem().replace("\n", "\r\n");
    assertThat(problem(chain, key)).isEmpty();
  }

  @Test
  void swappedFields_haveNoCertificate() {
    assertThat(problem(TestCertificate.ECDSA.keyPem(), TestCertificate.ECDSA.chainPem()))
        .contains("tls.crt holds no PEM certificate (BEGIN CERTIFICATE)");
  }
}
