package io.gatewire.adapters.xds.tls;

import io.gatewire.domain.translate.CertificateRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * The certificate chains and private keys Envoy 1.40 (BoringSSL, not FIPS) serves on a listener,
 * checked the way Envoy loads them:
 *
 * <ul>
 *   <li>{@code tls.crt}: its certificate blocks ({@code CERTIFICATE}, {@code X509 CERTIFICATE},
 *       {@code TRUSTED CERTIFICATE}; other blocks and text around them are ignored) are all X.509
 *       certificates; the first is the server's own, and its key is RSA of 2048 to 16384 bits,
 *       ECDSA on P-256, P-384 or P-521, or Ed25519 (Envoy refuses smaller RSA keys and other
 *       curves, BoringSSL larger RSA keys and other key types);
 *   <li>{@code tls.key}: its first private key block is PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 *       ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}), not encrypted (Envoy is given
 *       no password), and it is the key of that first certificate.
 * </ul>
 *
 * <p>Each rule was checked against Envoy 1.40 itself ({@code envoy --mode validate} with the pair
 * inline in a listener's TLS context). One difference is on purpose: an ECDSA key with explicit
 * curve parameters, which BoringSSL takes when they equal a named curve's, is refused, because the
 * JDK that checks the key match reads named curves only.
 *
 * <p>Longer than most classes: each rule above is one short method, kept beside the others so the
 * list above can be checked against the code in one place.
 */
public final class EnvoyCertificateRules implements CertificateRules {
  private static final int MIN_RSA_BITS = 2048;
  private static final int MAX_RSA_BITS = 16384;
  private static final Set<String> CERTIFICATE_BLOCKS =
      Set.of("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE");
  private static final Map<ASN1ObjectIdentifier, String> CURVES =
      Map.of(
          new ASN1ObjectIdentifier("1.2.840.10045.3.1.7"), "P-256",
          new ASN1ObjectIdentifier("1.3.132.0.34"), "P-384",
          new ASN1ObjectIdentifier("1.3.132.0.35"), "P-521");
  private static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112");
  private static final Map<String, String> OTHER_KEY_TYPES =
      Map.of(
          "1.2.840.10040.4.1", "DSA",
          "1.3.101.113", "Ed448",
          "1.2.840.113549.1.1.10", "RSASSA-PSS");
  private static final byte[] PROBE = "gatewire key match".getBytes(StandardCharsets.US_ASCII);

  @Override
  public Optional<String> problem(byte[] certificateChain, byte[] privateKey) {
    if (certificateChain.length == 0) {
      return Optional.of("tls.crt is empty");
    }
    if (privateKey.length == 0) {
      return Optional.of("tls.key is empty");
    }
    List<X509CertificateHolder> chain = new ArrayList<>();
    Optional<String> problem = readChain(certificateChain, chain);
    if (problem.isEmpty()) {
      problem = leafKeyProblem(chain.get(0).getSubjectPublicKeyInfo());
    }
    if (problem.isEmpty()) {
      problem = keyProblem(privateKey, chain.get(0).getSubjectPublicKeyInfo());
    }
    return problem;
  }

  private static Optional<String> readChain(byte[] text, List<X509CertificateHolder> chain) {
    try (PemReader pem = new PemReader(reader(text))) {
      for (int block = 1; ; block++) {
        PemObject object;
        try {
          object = pem.readPemObject();
        } catch (IOException | RuntimeException e) {
          return Optional.of(unreadable("tls.crt", block, e));
        }
        if (object == null) {
          break;
        }
        if (!CERTIFICATE_BLOCKS.contains(object.getType())) {
          continue;
        }
        try {
          chain.add(
              object.getType().equals("TRUSTED CERTIFICATE")
                  ? new X509TrustedCertificateBlock(object.getContent()).getCertificateHolder()
                  : new X509CertificateHolder(object.getContent()));
        } catch (IOException | RuntimeException e) {
          return Optional.of(
              "tls.crt: certificate " + (chain.size() + 1) + " is not a valid X.509 certificate");
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("reading bytes in memory", e);
    }
    return chain.isEmpty()
        ? Optional.of("tls.crt holds no PEM certificate (BEGIN CERTIFICATE)")
        : Optional.empty();
  }

  private static Optional<String> leafKeyProblem(SubjectPublicKeyInfo key) {
    ASN1ObjectIdentifier type = key.getAlgorithm().getAlgorithm();
    if (type.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      int bits;
      try {
        bits =
            org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(key.parsePublicKey())
                .getModulus()
                .bitLength();
      } catch (IOException | RuntimeException e) {
        return Optional.of("tls.crt: the certificate's RSA key is malformed");
      }
      return bits < MIN_RSA_BITS || bits > MAX_RSA_BITS
          ? Optional.of(
              "tls.crt: the certificate's RSA key has "
                  + bits
                  + " bits; Envoy serves "
                  + MIN_RSA_BITS
                  + " to "
                  + MAX_RSA_BITS)
          : Optional.empty();
    }
    if (type.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      ASN1Encodable parameters = key.getAlgorithm().getParameters();
      if (parameters instanceof ASN1ObjectIdentifier curve && CURVES.containsKey(curve)) {
        return Optional.empty();
      }
      return Optional.of(
          "tls.crt: the certificate's ECDSA key is on "
              + curveName(parameters)
              + "; Envoy serves P-256, P-384 and P-521");
    }
    if (type.equals(ED25519)) {
      return Optional.empty();
    }
    return Optional.of(
        "tls.crt: the certificate's key type is "
            + OTHER_KEY_TYPES.getOrDefault(type.getId(), type.getId())
            + "; Envoy serves RSA, ECDSA and Ed25519 keys");
  }

  private static String curveName(ASN1Encodable parameters) {
    if (parameters instanceof ASN1ObjectIdentifier curve) {
      String name = ECNamedCurveTable.getName(curve);
      return "curve " + (name == null ? curve.getId() : name);
    }
    return "explicit curve parameters";
  }

  private static Optional<String> keyProblem(byte[] text, SubjectPublicKeyInfo certified) {
    PemObject block;
    try (PemReader pem = new PemReader(reader(text))) {
      for (int index = 1; ; index++) {
        try {
          block = pem.readPemObject();
        } catch (IOException | RuntimeException e) {
          return Optional.of(unreadable("tls.key", index, e));
        }
        if (block == null) {
          return Optional.of("tls.key holds no PEM private key");
        }
        if (block.getType().endsWith("PRIVATE KEY")) {
          break;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("reading bytes in memory", e);
    }
    boolean encrypted =
        block.getType().equals("ENCRYPTED PRIVATE KEY")
            || block.getHeaders().stream()
                .anyMatch(h -> ((PemHeader) h).getName().equals("Proc-Type"));
    if (encrypted) {
      return Optional.of("tls.key is encrypted, and Envoy is given no password for it");
    }
    PrivateKey key;
    try {
      key = new JcaPEMKeyConverter().getPrivateKey(privateKeyInfo(block, certified));
    } catch (IOException | RuntimeException e) {
      return Optional.of(
          "tls.key is not a valid "
              + block.getType()
              + " (PKCS#8, PKCS#1 RSA and SEC1 EC keys on named curves are read)");
    }
    PublicKey publicKey;
    try {
      publicKey = new JcaPEMKeyConverter().getPublicKey(certified);
    } catch (IOException | RuntimeException e) {
      return Optional.of("tls.crt: the certificate's key is malformed");
    }
    if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
      return Optional.of(
          "tls.key is an "
              + key.getAlgorithm()
              + " key and does not match the certificate in tls.crt");
    }
    return matches(key, publicKey)
        ? Optional.empty()
        : Optional.of("tls.key does not match the certificate (the first in tls.crt)");
  }

  /**
   * The key as PKCS#8; a SEC1 key that leaves its curve out (OpenSSL's {@code -no_public
   * -param_out} forms) is on the certificate's.
   */
  private static PrivateKeyInfo privateKeyInfo(PemObject block, SubjectPublicKeyInfo certified)
      throws IOException {
    byte[] content = block.getContent();
    switch (block.getType()) {
      case "PRIVATE KEY":
        return PrivateKeyInfo.getInstance(content);
      case "RSA PRIVATE KEY":
        return new PrivateKeyInfo(
            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
            org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(content));
      case "EC PRIVATE KEY":
        ECPrivateKey ec = ECPrivateKey.getInstance(content);
        ASN1Encodable curve =
            ec.getParametersObject() != null
                ? ec.getParametersObject()
                : certified.getAlgorithm().getParameters();
        return new PrivateKeyInfo(
            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), ec);
      default:
        throw new IOException("a " + block.getType() + " is not a key type Envoy reads");
    }
  }

  private static boolean matches(PrivateKey key, PublicKey certified) {
    if (key instanceof RSAPrivateKey rsa && certified instanceof RSAPublicKey pub) {
      return rsa.getModulus().equals(pub.getModulus())
          && (!(rsa instanceof RSAPrivateCrtKey crt)
              || crt.getPublicExponent().equals(pub.getPublicExponent()));
    }
    String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "Ed25519";
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(PROBE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certified);
      verifier.update(PROBE);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** A block that does not read: cut before its END line, or a body that is not base64. */
  private static String unreadable(String field, int block, Exception e) {
    return field
        + ": PEM block "
        + block
        + (e instanceof IOException && String.valueOf(e.getMessage()).contains("not found")
            ? " has no END line (truncated?)"
            : " is not base64");
  }

  private static Reader reader(byte[] text) {
    return new InputStreamReader(new ByteArrayInputStream(text), StandardCharsets.ISO_8859_1);
  }
}
