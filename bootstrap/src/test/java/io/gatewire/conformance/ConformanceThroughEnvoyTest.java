package io.gatewire.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewire.conformance.DataPlaneConformance.CaseResult;
import io.gatewire.conformance.DataPlaneConformance.TestResult;
import io.gatewire.testkit.conformance.ConformanceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Gateway API conformance test with request cases, through the real data plane ({@link
 * DataPlaneConformance}: echo Pods, {@code serve}, a real Envoy, requests as the upstream harness
 * sends and judges them), with route-check's prediction for every request held against what Envoy
 * did. Every test must pass, except those in {@link #KNOWN_FAILING}, which must still fail (take a
 * test off the list, and off docs/conformance.md, once it passes); route-check must agree with
 * Envoy on every case. Prints per test and per feature {@code N passed, M failed}, and the
 * agreement count.
 */
class ConformanceThroughEnvoyTest {
  /**
   * Tests that fail through the real data plane, with the reason; docs/conformance.md lists the
   * same.
   */
  static final Map<String, String> KNOWN_FAILING = new TreeMap<>(Map.of());

  private static final ConcurrentLinkedQueue<TestResult> RESULTS = new ConcurrentLinkedQueue<>();

  @TempDir static Path temp;
  private static Path data;
  private static SuiteCertificate certificate;

  @BeforeAll
  static void data() {
    data = ConformanceData.copyTo(temp.resolve("data"));
    certificate = SuiteCertificate.tlsValidityChecks();
  }

  static Stream<String> tests() {
    List<String> names = new ArrayList<>();
    for (JsonNode row : ConformanceData.index().path("tests")) {
      if (row.path("kind").asText().equals("cases")) {
        names.add(row.path("name").asText());
      }
    }
    String only = System.getProperty("gatewire.conformance.tests", "");
    return names.stream().filter(name -> only.isEmpty() || List.of(only.split(",")).contains(name));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tests")
  void conformanceTest_holdsThroughARealEnvoy_andRouteCheckAgrees(String name) {
    JsonNode row = row(name);
    TestResult result = DataPlaneConformance.run(data, row, certificate);
    RESULTS.add(result);

    List<String> failures =
        result.cases().stream()
            .filter(c -> !c.passed())
            .map(c -> c.title() + ": " + c.failure().orElseThrow())
            .toList();
    List<String> disagreements =
        result.cases().stream()
            .flatMap(c -> c.disagreements().stream().map(d -> c.title() + ": " + d))
            .toList();
    assertThat(disagreements).as(name + ": route-check disagrees with Envoy").isEmpty();
    if (KNOWN_FAILING.containsKey(name)) {
      assertThat(failures)
          .as(name + " is listed as known-failing but passes now: take it off the list")
          .isNotEmpty();
    } else {
      assertThat(failures).as(name + " through a real Envoy").isEmpty();
    }
  }

  @Test
  void docsListEveryKnownFailingTest() throws Exception {
    String docs = Files.readString(Path.of("../docs/conformance.md"));
    KNOWN_FAILING
        .keySet()
        .forEach(name -> assertThat(docs).as("docs/conformance.md names " + name).contains(name));
  }

  private static JsonNode row(String name) {
    for (JsonNode row : ConformanceData.index().path("tests")) {
      if (row.path("name").asText().equals(name)) {
        return row;
      }
    }
    throw new IllegalArgumentException("no conformance test " + name);
  }

  @AfterAll
  static void printTables() {
    List<TestResult> results =
        RESULTS.stream().sorted(Comparator.comparing(TestResult::test)).toList();
    StringBuilder out = new StringBuilder("\nConformance through a real Envoy, per test:\n");
    Map<String, int[]> byFeature = new TreeMap<>();
    long cases = 0;
    long casesPassed = 0;
    long agreed = 0;
    long seconds = 0;
    for (TestResult result : results) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-50s %3d passed, %3d failed; route-check agreed on %d of %d (%.1f s)%s%n",
              result.test(),
              result.casesPassed(),
              result.cases().size() - result.casesPassed(),
              result.casesAgreed(),
              result.cases().size(),
              result.took().toMillis() / 1000.0,
              KNOWN_FAILING.containsKey(result.test())
                  ? "  (known: " + KNOWN_FAILING.get(result.test()) + ")"
                  : ""));
      for (CaseResult c : result.cases()) {
        c.failure()
            .ifPresent(
                f ->
                    out.append("      FAILED ")
                        .append(c.title())
                        .append(": ")
                        .append(f)
                        .append('\n'));
        c.disagreements()
            .forEach(
                d ->
                    out.append("      DISAGREES ")
                        .append(c.title())
                        .append(": ")
                        .append(d)
                        .append('\n'));
      }
      for (String feature : result.features()) {
        byFeature.computeIfAbsent(feature, f -> new int[2])[result.passed() ? 0 : 1]++;
      }
      cases += result.cases().size();
      casesPassed += result.casesPassed();
      agreed += result.casesAgreed();
      seconds += result.took().toSeconds();
    }
    out.append("Per feature (tests):\n");
    byFeature.forEach(
        (feature, counts) ->
            out.append(
                String.format(
                    Locale.ROOT, "  %s: %d passed, %d failed%n", feature, counts[0], counts[1])));
    long testsPassed = results.stream().filter(TestResult::passed).count();
    out.append(
        String.format(
            Locale.ROOT,
            "Total: %d tests passed, %d failed; %d cases passed, %d failed; route-check agreed with"
                + " Envoy on %d of %d cases (%d s)%n",
            testsPassed,
            results.size() - testsPassed,
            casesPassed,
            cases - casesPassed,
            agreed,
            cases,
            seconds));
    System.out.println(out);
  }
}
