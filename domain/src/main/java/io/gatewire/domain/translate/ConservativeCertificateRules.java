package io.gatewire.domain.translate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate check the domain makes on its own, with java.security only. It accepts what every
 * TLS proxy serves and refuses the rest: {@code tls.crt} holds PEM {@code CERTIFICATE} blocks that
 * are X.509 certificates, the first (the server's own) with an RSA key of 2048 to 4096 bits or an
 * ECDSA key on P-256 or P-384; {@code tls.key}'s first private key is an unencrypted PKCS#8 key
 * ({@code BEGIN PRIVATE KEY}) that matches that certificate. It does not read PKCS#1 ({@code BEGIN
 * RSA PRIVATE KEY}) or SEC1 ({@code BEGIN EC PRIVATE KEY}) keys, which Kubernetes TLS Secrets often
 * hold: the Envoy rules in {@code adapters-xds} (wired by bootstrap) read every form Envoy reads.
 */
final class ConservativeCertificateRules implements CertificateRules {
  static final ConservativeCertificateRules INSTANCE = new ConservativeCertificateRules();

  private static final int MIN_RSA_BITS = 2048;
  private static final int MAX_RSA_BITS = 4096;
  private static final Map<String, String> CURVES =
      Map.of("secp256r1", "P-256", "secp384r1", "P-384");
  private static final byte[] PROBE = "gatewire key match".getBytes(StandardCharsets.US_ASCII);

  private ConservativeCertificateRules() {}

  @Override
  public Optional<String> problem(byte[] certificateChain, byte[] privateKey) {
    if (certificateChain.length == 0) {
      return Optional.of("tls.crt is empty");
    }
    if (privateKey.length == 0) {
      return Optional.of("tls.key is empty");
    }
    List<X509Certificate> chain = new ArrayList<>();
    Optional<String> problem = readChain(PemText.read(certificateChain), chain);
    if (problem.isPresent()) {
      return problem;
    }
    PublicKey leafKey = chain.get(0).getPublicKey();
    problem = leafKeyProblem(leafKey);
    if (problem.isPresent()) {
      return problem;
    }
    return keyProblem(PemText.read(privateKey), leafKey);
  }

  private static Optional<String> readChain(PemText pem, List<X509Certificate> chain) {
    List<PemText.Block> blocks = pem.labelled("CERTIFICATE");
    if (blocks.isEmpty()) {
      return Optional.of(
          "CERTIFICATE".equals(pem.unterminated())
              ? "tls.crt: its certificate has no END line (truncated?)"
              : "tls.crt holds no PEM certificate (BEGIN CERTIFICATE)");
    }
    if ("CERTIFICATE".equals(pem.unterminated())) {
      return Optional.of(
          "tls.crt: certificate " + (blocks.size() + 1) + " has no END line (truncated?)");
    }
    for (int i = 0; i < blocks.size(); i++) {
      byte[] der = blocks.get(i).der();
      try {
        if (der == null) {
          throw new GeneralSecurityException("not base64");
        }
        chain.add(
            (X509Certificate)
                CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
      } catch (GeneralSecurityException | RuntimeException e) {
        return Optional.of(
            "tls.crt: certificate "
                + (i + 1)
                + " of "
                + blocks.size()
                + " is not a valid X.509 certificate");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> leafKeyProblem(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      int bits = rsa.getModulus().bitLength();
      return bits >= MIN_RSA_BITS && bits <= MAX_RSA_BITS
          ? Optional.empty()
          : Optional.of(
              "tls.crt: the certificate's RSA key has "
                  + bits
                  + " bits; the default check accepts "
                  + MIN_RSA_BITS
                  + " to "
                  + MAX_RSA_BITS);
    }
    if (key instanceof ECPublicKey ec && curve(ec.getParams()).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        "tls.crt: the certificate's key ("
            + key.getAlgorithm()
            + ") is not one the default check accepts: RSA, or ECDSA on P-256 or P-384");
  }

  private static Optional<String> curve(ECParameterSpec params) {
    for (Map.Entry<String, String> curve : CURVES.entrySet()) {
      try {
        AlgorithmParameters named = AlgorithmParameters.getInstance("EC");
        named.init(new ECGenParameterSpec(curve.getKey()));
        ECParameterSpec spec = named.getParameterSpec(ECParameterSpec.class);
        if (spec.getCurve().equals(params.getCurve())
            && spec.getOrder().equals(params.getOrder())
            && spec.getGenerator().equals(params.getGenerator())) {
          return Optional.of(curve.getValue());
        }
      } catch (GeneralSecurityException e) {
        // a curve this JDK lacks: not the one
      }
    }
    return Optional.empty();
  }

  private static Optional<String> keyProblem(PemText pem, PublicKey leafKey) {
    List<PemText.Block> keys =
        pem.blocks().stream().filter(b -> b.label().endsWith("PRIVATE KEY")).toList();
    if (keys.isEmpty()) {
      return Optional.of(
          pem.unterminated() != null && pem.unterminated().endsWith("PRIVATE KEY")
              ? "tls.key: its private key has no END line (truncated?)"
              : "tls.key holds no PEM private key");
    }
    PemText.Block block = keys.get(0);
    if (block.label().equals("ENCRYPTED PRIVATE KEY") || block.headers()) {
      return Optional.of("tls.key is encrypted, and a proxy is given no password for it");
    }
    if (!block.label().equals("PRIVATE KEY")) {
      return Optional.of(
          "tls.key is a "
              + block.label()
              + ", which the default check does not read: it reads PKCS#8 keys (BEGIN PRIVATE KEY)");
    }
    PrivateKey key = pkcs8(block.der(), leafKey.getAlgorithm());
    if (key == null) {
      String other = leafKey.getAlgorithm().equals("RSA") ? "EC" : "RSA";
      return Optional.of(
          pkcs8(block.der(), other) != null
              ? "tls.key is an " + other + " key and does not match the certificate in tls.crt"
              : "tls.key is not a valid PKCS#8 private key");
    }
    return matches(key, leafKey)
        ? Optional.empty()
        : Optional.of("tls.key does not match the certificate (the first in tls.crt)");
  }

  private static PrivateKey pkcs8(byte[] der, String algorithm) {
    if (der == null) {
      return null;
    }
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      return null;
    }
  }

  private static boolean matches(PrivateKey key, PublicKey certified) {
    if (key instanceof RSAPrivateKey rsa && certified instanceof RSAPublicKey pub) {
      return rsa.getModulus().equals(pub.getModulus())
          && (!(rsa instanceof RSAPrivateCrtKey crt)
              || crt.getPublicExponent().equals(pub.getPublicExponent()));
    }
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(key);
      signer.update(PROBE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(certified);
      verifier.update(PROBE);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
