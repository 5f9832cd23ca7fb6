package io.gatewire.adapters.xds.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemGenerationException;

/**
 * A throwaway certificate authority for tests: EC P-256 keys, certificates valid for a day, written
 * as PEM files (certificate chains, PKCS#8 keys) the way cert-manager writes them.
 */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  private final String name;
  private final KeyPair keys;
  private final X509Certificate certificate;

  private TestPki(String name) {
    this.name = name;
    this.keys = newKeys();
    this.certificate =
        sign(new X500Name("CN=" + name), keys, List.of(), true, new X500Name("CN=" + name), keys);
  }

  public static TestPki ca(String name) {
    return new TestPki(name);
  }

  /** A certificate for the xDS server: DNS {@code localhost} and IP {@code 127.0.0.1}. */
  public Issued server(String commonName) {
    return issue(
        commonName,
        List.of(
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
  }

  /** A client certificate with these URI SANs and DNS SANs. */
  public Issued client(String commonName, List<String> uriSans, List<String> dnsSans) {
    List<GeneralName> names = new ArrayList<>();
    uriSans.forEach(u -> names.add(new GeneralName(GeneralName.uniformResourceIdentifier, u)));
    dnsSans.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
    return issue(commonName, names);
  }

  /** This CA's certificate as PEM. */
  public String certificatePem() {
    return pem(certificate);
  }

  /** Writes the CA certificate to {@code file}. */
  public Path writeCertificate(Path file) {
    return write(file, certificatePem());
  }

  private Issued issue(String commonName, List<GeneralName> sans) {
    KeyPair leafKeys = newKeys();
    X509Certificate leaf =
        sign(
            new X500Name("CN=" + commonName),
            leafKeys,
            sans,
            false,
            new X500Name("CN=" + name),
            keys);
    try {
      return new Issued(
          leaf,
          pem(leaf) + certificatePem(),
          pem(new JcaPKCS8Generator(leafKeys.getPrivate(), null)));
    } catch (PemGenerationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A leaf certificate: the certificate, its chain (leaf then CA) and its PKCS#8 key as PEM. */
  public record Issued(X509Certificate certificate, String chainPem, String keyPem) {
    /**
     * Writes chain and key to these files, each replaced in one move, as a Secret volume update
     * does.
     */
    public Issued writeTo(Path chainFile, Path keyFile) {
      write(keyFile, keyPem);
      write(chainFile, chainPem);
      return this;
    }
  }

  private static KeyPair newKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(
      X500Name subject,
      KeyPair subjectKeys,
      List<GeneralName> sans,
      boolean ca,
      X500Name issuer,
      KeyPair issuerKeys) {
    Instant now = Instant.now();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(now.minus(1, ChronoUnit.HOURS)),
              Date.from(now.plus(1, ChronoUnit.DAYS)),
              subject,
              subjectKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(
              ca
                  ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                  : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      if (!sans.isEmpty()) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(sans.toArray(GeneralName[]::new)));
      }
      ContentSigner signer =
          new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException(e);
    }
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

  private static Path write(Path file, String content) {
    try {
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".pki", ".tmp");
      Files.writeString(temp, content);
      return Files.move(
          temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
