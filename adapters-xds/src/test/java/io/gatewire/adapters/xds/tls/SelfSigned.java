package io.gatewire.adapters.xds.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates and keys made at test time: a key pair of a given type, and a certificate for it
 * with DNS names, valid for a day, as PEM.
 *
 * @param chainPem the certificate ({@code tls.crt})
 * @param keyPem its key in PKCS#8 ({@code tls.key})
 */
public record SelfSigned(String chainPem, String keyPem) {
  /** RSA of {@code bits}, self-signed with SHA-256, for these DNS names. */
  public static SelfSigned rsa(int bits, List<String> dnsNames) {
    return of(keys("RSA", null, bits), "SHA256withRSA", dnsNames);
  }

  /** ECDSA on the named curve ({@code secp256r1}, {@code secp384r1}, {@code secp521r1}). */
  public static SelfSigned ecdsa(String curve) {
    return of(
        keys("EC", new ECGenParameterSpec(curve), 0), "SHA256withECDSA", List.of("example.com"));
  }

  /** A key type the JDK generates and signs with by that name: Ed25519, Ed448, DSA. */
  public static SelfSigned ofType(String algorithm, String signatureAlgorithm) {
    return of(
        keys(algorithm, null, algorithm.equals("DSA") ? 2048 : 0),
        signatureAlgorithm,
        List.of("example.com"));
  }

  /**
   * A certificate whose subject key is {@code key} as given (a key type or curve no JDK provider
   * makes), signed by a throwaway ECDSA key; its {@link #keyPem()} is that signer's key, so only
   * the certificate is meaningful.
   */
  public static SelfSigned withSubjectKey(SubjectPublicKeyInfo key) {
    KeyPair signer = keys("EC", new ECGenParameterSpec("secp256r1"), 0);
    return new SelfSigned(
        pem(build(key, signer, "SHA256withECDSA", List.of("example.com"))), pkcs8(signer));
  }

  private static SelfSigned of(KeyPair keys, String signatureAlgorithm, List<String> dnsNames) {
    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
    return new SelfSigned(pem(build(info, keys, signatureAlgorithm, dnsNames)), pkcs8(keys));
  }

  private static X509CertificateHolder build(
      SubjectPublicKeyInfo subjectKey,
      KeyPair signer,
      String signatureAlgorithm,
      List<String> dnsNames) {
    Instant now = Instant.now();
    X500Name name = new X500Name("CN=" + dnsNames.get(0));
    try {
      X509v3CertificateBuilder builder =
          new X509v3CertificateBuilder(
              name,
              BigInteger.valueOf(now.toEpochMilli()),
              Date.from(now.minus(1, ChronoUnit.HOURS)),
              Date.from(now.plus(1, ChronoUnit.DAYS)),
              name,
              subjectKey);
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              dnsNames.stream()
                  .map(n -> new GeneralName(GeneralName.dNSName, n))
                  .toArray(GeneralName[]::new)));
      return builder.build(
          new JcaContentSignerBuilder(signatureAlgorithm).build(signer.getPrivate()));
    } catch (IOException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair keys(String algorithm, AlgorithmParameterSpec spec, int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (spec != null) {
        generator.initialize(spec);
      } else if (bits > 0) {
        generator.initialize(bits);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pkcs8(KeyPair keys) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
