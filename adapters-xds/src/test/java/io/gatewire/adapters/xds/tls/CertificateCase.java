package io.gatewire.adapters.xds.tls;

import io.gatewire.testkit.tls.TestCertificate;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Certificate chains and keys as Kubernetes TLS Secrets hold them, good and bad, each with what
 * Envoy 1.40 does with it: serves it ({@code problem} null) or refuses it, and then the problem
 * {@link EnvoyCertificateRules} names. Envoy's verdicts were taken with {@code envoy --mode
 * validate} on each pair inline in a listener's TLS context; a test that runs a real Envoy can feed
 * it the same list.
 *
 * @param name what the case is
 * @param chain {@code tls.crt}
 * @param key {@code tls.key}
 * @param problem the problem named, or null when Envoy serves the pair
 */
public record CertificateCase(String name, String chain, String key, String problem) {
  private static final String MATCH_FAILS =
      "tls.key does not match the certificate (the first in tls.crt)";

  public boolean served() {
    return problem == null;
  }

  /** Every case; generated keys differ on each call, the verdicts do not. */
  public static List<CertificateCase> all() {
    List<CertificateCase> cases = new ArrayList<>();
    TestCertificate rsa = TestCertificate.RSA;
    TestCertificate ecdsa = TestCertificate.ECDSA;
    // served: the forms Kubernetes TLS Secrets hold
    cases.add(served("RSA chain of two, PKCS#8 key", rsa.chainPem(), rsa.keyPem()));
    cases.add(served("RSA chain of two, PKCS#1 key", rsa.chainPem(), rsa.traditionalKeyPem()));
    cases.add(served("ECDSA P-256, PKCS#8 key", ecdsa.chainPem(), ecdsa.keyPem()));
    cases.add(served("ECDSA P-256, SEC1 key", ecdsa.chainPem(), ecdsa.traditionalKeyPem()));
    cases.add(
        served(
            "ECDSA P-256, SEC1 key without its public key",
            ecdsa.chainPem(),
            withoutPublicKey(ecdsa.traditionalKeyPem())));
    cases.add(selfSigned("ECDSA P-384", SelfSigned.ecdsa("secp384r1"), null));
    cases.add(selfSigned("ECDSA P-521", SelfSigned.ecdsa("secp521r1"), null));
    cases.add(selfSigned("Ed25519", SelfSigned.ofType("Ed25519", "Ed25519"), null));
    cases.add(selfSigned("RSA 4096", SelfSigned.rsa(4096, List.of("example.com")), null));
    cases.add(
        served(
            "text around the blocks, CRLF line ends, the key also in tls.crt",
            "subject=example.com\r\n"
                + ecdsa.chainPem().replace("\n", "\r\n")
                + ecdsa.keyPem()
                + "trailing words\n",
            "comment\n" + ecdsa.keyPem()));
    cases.add(
        served(
            "X509 CERTIFICATE label",
            rsa.chainPem()
                .replaceFirst("BEGIN CERTIFICATE", "BEGIN X509 CERTIFICATE")
                .replaceFirst("END CERTIFICATE", "END X509 CERTIFICATE"),
            rsa.keyPem()));
    cases.add(
        served(
            "TRUSTED CERTIFICATE label",
            ecdsa.chainPem().replace(" CERTIFICATE-----", " TRUSTED CERTIFICATE-----"),
            ecdsa.keyPem()));
    // refused: data
    cases.add(
        refused(
            "garbage (the conformance suite's malformed Secret)",
            "Hello world\n",
            "Hello world\n",
            "tls.crt holds no PEM certificate (BEGIN CERTIFICATE)"));
    cases.add(refused("empty tls.crt", "", rsa.keyPem(), "tls.crt is empty"));
    cases.add(refused("empty tls.key", rsa.chainPem(), "", "tls.key is empty"));
    cases.add(
        refused(
            "swapped tls.crt and tls.key",
            ecdsa.keyPem(),
            ecdsa.chainPem(),
            "tls.crt holds no PEM certificate (BEGIN CERTIFICATE)"));
    String chain = rsa.chainPem();
    cases.add(
        refused(
            "truncated chain",
            chain.substring(0, chain.length() - 100),
            rsa.keyPem(),
            "tls.crt: PEM block 2 has no END line (truncated?)"));
    String key = rsa.keyPem();
    cases.add(
        refused(
            "truncated key",
            chain,
            key.substring(0, key.length() / 2),
            "tls.key: PEM block 1 has no END line (truncated?)"));
    int second = chain.indexOf("-----BEGIN CERTIFICATE-----", 10);
    cases.add(
        refused(
            "second certificate not DER",
            chain.substring(0, second) + chain.substring(second).replaceFirst("\nMII", "\nAAA"),
            rsa.keyPem(),
            "tls.crt: certificate 2 is not a valid X.509 certificate"));
    cases.add(
        refused(
            "certificate body not base64",
            ecdsa.chainPem().replaceFirst("\nMII", "\n*II"),
            ecdsa.keyPem(),
            "tls.crt: PEM block 1 is not base64"));
    // refused: the key
    cases.add(
        refused(
            "RSA key of another certificate",
            rsa.chainPem(),
            SelfSigned.rsa(2048, List.of("example.com")).keyPem(),
            MATCH_FAILS));
    cases.add(
        refused(
            "ECDSA key of another certificate",
            ecdsa.chainPem(),
            SelfSigned.ecdsa("secp256r1").keyPem(),
            MATCH_FAILS));
    cases.add(
        refused(
            "RSA key for an ECDSA certificate",
            ecdsa.chainPem(),
            rsa.traditionalKeyPem(),
            "tls.key is an RSA key and does not match the certificate in tls.crt"));
    cases.add(
        refused(
            "encrypted PKCS#8 key",
            ecdsa.chainPem(),
            ecdsa.keyPem().replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"),
            "tls.key is encrypted, and Envoy is given no password for it"));
    cases.add(
        refused(
            "legacy encrypted PKCS#1 key",
            rsa.chainPem(),
            rsa.traditionalKeyPem()
                .replace(
                    "-----BEGIN RSA PRIVATE KEY-----\n",
                    "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                        + "DEK-Info: AES-128-CBC,3922FCA27F712BFD7DFE29788BD6AD10\n\n"),
            "tls.key is encrypted, and Envoy is given no password for it"));
    cases.add(
        refused(
            "no private key", rsa.chainPem(), rsa.chainPem(), "tls.key holds no PEM private key"));
    // refused: key types and sizes
    cases.add(
        refused(
            "RSA 1024",
            TestCertificate.RSA_1024.chainPem(),
            TestCertificate.RSA_1024.keyPem(),
            "tls.crt: the certificate's RSA key has 1024 bits; Envoy serves 2048 to 16384"));
    cases.add(
        selfSigned(
            "Ed448",
            SelfSigned.ofType("Ed448", "Ed448"),
            "tls.crt: the certificate's key type is Ed448; Envoy serves RSA, ECDSA and Ed25519 keys"));
    cases.add(
        selfSigned(
            "DSA",
            SelfSigned.ofType("DSA", "SHA256withDSA"),
            "tls.crt: the certificate's key type is DSA; Envoy serves RSA, ECDSA and Ed25519 keys"));
    cases.add(
        selfSigned(
            "ECDSA on secp256k1",
            SelfSigned.withSubjectKey(ecKeyOn("1.3.132.0.10")),
            "tls.crt: the certificate's ECDSA key is on curve secp256k1; Envoy serves P-256, P-384"
                + " and P-521"));
    cases.add(
        selfSigned(
            "ECDSA on P-224",
            SelfSigned.withSubjectKey(ecKeyOn("1.3.132.0.33")),
            "tls.crt: the certificate's ECDSA key is on curve secp224r1; Envoy serves P-256, P-384"
                + " and P-521"));
    return cases;
  }

  private static CertificateCase served(String name, String chain, String key) {
    return new CertificateCase(name, chain, key, null);
  }

  private static CertificateCase refused(String name, String chain, String key, String problem) {
    return new CertificateCase(name, chain, key, problem);
  }

  private static CertificateCase selfSigned(String name, SelfSigned pair, String problem) {
    return new CertificateCase(name, pair.chainPem(), pair.keyPem(), problem);
  }

  /** An EC subject key on {@code curveOid}: a point of the right size, not a real key. */
  private static SubjectPublicKeyInfo ecKeyOn(String curveOid) {
    byte[] point = new byte[65];
    point[0] = 4;
    return new SubjectPublicKeyInfo(
        new AlgorithmIdentifier(
            X9ObjectIdentifiers.id_ecPublicKey, new ASN1ObjectIdentifier(curveOid)),
        point);
  }

  /** The SEC1 key re-encoded without its optional public key, as {@code openssl ec -no_public}. */
  private static String withoutPublicKey(String sec1Pem) {
    try (PemReader reader = new PemReader(new StringReader(sec1Pem))) {
      ECPrivateKey key = ECPrivateKey.getInstance(reader.readPemObject().getContent());
      ECPrivateKey bare = new ECPrivateKey(256, key.getKey(), key.getParametersObject());
      StringWriter out = new StringWriter();
      try (PemWriter writer = new PemWriter(out)) {
        writer.writeObject(new PemObject("EC PRIVATE KEY", bare.getEncoded()));
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
