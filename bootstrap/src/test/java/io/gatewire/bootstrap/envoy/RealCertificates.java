package io.gatewire.bootstrap.envoy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gatewire.adapters.xds.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;

/**
 * Real certificates in place of placeholder PEM: every Secret whose {@code tls.crt} is not a
 * parseable X.509 certificate gets a freshly issued certificate chain and its private key (PKCS#8).
 * Secrets whose certificate parses are left as they are, so inputs that already carry real test
 * certificates pass through unchanged.
 */
final class RealCertificates {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final TestPki CA = TestPki.ca("gatewire-envoy-tests");

  private RealCertificates() {}

  /** {@code manifests} with placeholder certificates replaced; unchanged when there are none. */
  static String substitute(String manifests) {
    StringBuilder out = new StringBuilder();
    boolean replaced = false;
    try (MappingIterator<JsonNode> documents =
        YAML.readerFor(JsonNode.class).readValues(manifests)) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document == null || document.isNull()) {
          continue;
        }
        if (isPlaceholderSecret(document)) {
          TestPki.Issued issued = CA.server(document.path("metadata").path("name").asText());
          ObjectNode data = (ObjectNode) document.path("data");
          data.put("tls.crt", base64(issued.chainPem()));
          data.put("tls.key", base64(issued.keyPem()));
          replaced = true;
        }
        out.append(YAML.writeValueAsString(document));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return replaced ? out.toString() : manifests;
  }

  private static boolean isPlaceholderSecret(JsonNode document) {
    if (!document.path("kind").asText().equals("Secret") || !document.path("data").has("tls.crt")) {
      return false;
    }
    try {
      byte[] pem = Base64.getMimeDecoder().decode(document.path("data").path("tls.crt").asText());
      return CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem))
          .isEmpty();
    } catch (CertificateException | IllegalArgumentException e) {
      return true;
    }
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }
}
