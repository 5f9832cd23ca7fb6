package io.gatewire.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Secret is a value: two Secrets with the same identity, type and bytes are equal (so an
 * unchanged Secret re-read from the cluster is no change), and its data never reaches printed
 * output.
 */
class SecretTest {
  private static final ObjectMeta META = ObjectMeta.of("Secret", "v1", "ns", "cert");

  private static Secret secret(ObjectMeta meta, String type, Map<String, String> data) {
    Map<String, byte[]> bytes = new HashMap<>();
    data.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.US_ASCII)));
    return new Secret(meta, type, bytes);
  }

  private static Secret tls(String crt, String key) {
    return secret(META, "kubernetes.io/tls", Map.of("tls.crt", crt, "tls.key", key));
  }

  @Test
  void sameBytesInOtherArrays_areEqualWithEqualHashes() {
    Secret a = tls("CRT", "KEY");
    Secret b = tls("CRT", "KEY");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isEqualTo(a);
  }

  @Test
  void anyDifference_makesTwoSecretsUnequal() {
    Secret a = tls("CRT", "KEY");
    assertThat(a).isNotEqualTo(tls("CRT", "KEY2"));
    assertThat(a).isNotEqualTo(tls("CRT2", "KEY"));
    assertThat(a).isNotEqualTo(secret(META, "Opaque", Map.of("tls.crt", "CRT", "tls.key", "KEY")));
    assertThat(a)
        .isNotEqualTo(
            secret(
                ObjectMeta.of("Secret", "v1", "ns", "other"),
                "kubernetes.io/tls",
                Map.of("tls.crt", "CRT", "tls.key", "KEY")));
    assertThat(a).isNotEqualTo(secret(META, "kubernetes.io/tls", Map.of("tls.crt", "CRT")));
    assertThat(a)
        .isNotEqualTo(secret(META, "kubernetes.io/tls", Map.of("tls.crt", "CRT", "ca.crt", "KEY")));
    assertThat(a).isNotEqualTo("not a secret");
  }

  @Test
  void differentBytes_giveDifferentHashes() {
    assertThat(tls("CRT", "KEY").hashCode()).isNotEqualTo(tls("CRT", "KEY2").hashCode());
    assertThat(tls("CRT", "KEY").hashCode())
        .isNotEqualTo(
            secret(META, "kubernetes.io/tls", Map.of("tls.crt", "CRT", "tls.kez", "KEY"))
                .hashCode());
  }

  @Test
  void laterChangesToTheInputMap_doNotChangeTheSecret() {
    Map<String, byte[]> data = new HashMap<>();
    data.put("tls.crt", "CRT".getBytes(StandardCharsets.US_ASCII));
    Secret s = new Secret(META, "kubernetes.io/tls", data);
    data.put("tls.key", "KEY".getBytes(StandardCharsets.US_ASCII));
    assertThat(s.data()).containsOnlyKeys("tls.crt");
  }

  @Test
  void printedForm_namesTheSecretAndItsKeysButNeverTheValues() {
    String printed = tls("SECRET-CERT-BYTES", "SECRET-KEY-BYTES").toString();
    assertThat(printed).contains("Secret ns/cert", "kubernetes.io/tls", "[tls.crt, tls.key]");
    assertThat(printed).doesNotContain("SECRET-CERT-BYTES", "SECRET-KEY-BYTES");
  }
}
