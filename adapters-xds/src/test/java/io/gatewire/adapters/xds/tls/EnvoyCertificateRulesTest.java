package io.gatewire.adapters.xds.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.testkit.tls.TestCertificate;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class EnvoyCertificateRulesTest {
  private final EnvoyCertificateRules rules = new EnvoyCertificateRules();

  private Optional<String> problem(String chain, String key) {
    return rules.problem(
        chain.getBytes(StandardCharsets.US_ASCII), key.getBytes(StandardCharsets.US_ASCII));
  }

  @TestFactory
  Stream<DynamicTest> eachCase_getsEnvoysVerdict_andNamesTheProblem() {
    return CertificateCase.all().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () -> {
                      Optional<String> problem = problem(c.chain(), c.key());
                      assertThat(problem).isEqualTo(Optional.ofNullable(c.problem()));
                      problem.ifPresent(p -> assertNoKeyMaterial(p, c.key(), c.chain()));
                    }));
  }

  /** No line of a PEM body (key or chain) shows in a message. */
  private static void assertNoKeyMaterial(String message, String... pems) {
    for (String pem : pems) {
      pem.lines()
          .filter(line -> !line.startsWith("-----") && line.length() > 8)
          .forEach(line -> assertThat(message).doesNotContain(line.strip()));
    }
  }

  @Test
  void theCasesCoverEveryFormAndEveryKindOfFailure() {
    assertThat(CertificateCase.all())
        .filteredOn(CertificateCase::served)
        .hasSizeGreaterThanOrEqualTo(10);
    assertThat(CertificateCase.all())
        .filteredOn(c -> !c.served())
        .extracting(CertificateCase::name)
        .contains(
            "garbage (the conformance suite's malformed Secret)",
            "truncated chain",
            "truncated key",
            "RSA key of another certificate",
            "RSA 1024",
            "Ed448",
            "empty tls.crt");
  }

  @Test
  void unchangedInputs_giveTheSameAnswer() {
    String chain = TestCertificate.RSA.chainPem();
    String key = TestCertificate.RSA.traditionalKeyPem();
    assertThat(problem(chain, key)).isEmpty();
    assertThat(problem(chain, key)).isEmpty();
    assertThat(problem("Hello world\n", key)).isEqualTo(problem("Hello world\n", key));
  }
}
