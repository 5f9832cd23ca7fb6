package io.gatewire.adapters.xds.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvoyRegexDialectTest {
  private final EnvoyRegexDialect envoy = new EnvoyRegexDialect();

  /**
   * C++ RE2 program sizes as reported for these patterns (projectcontour/contour#2043,
   * envoyproxy/envoy#9171).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = ' ',
      value = {
        ".*foo.*' 35",
        "foo.*[abcd]+ooo.* 43",
        "x-envoy-(a|b|c) 15",
        "x-envoy-(a|b|c)-[grep]{3} 28",
        "a.*b.*c.*d.*e.*f.*g.* 109",
        "/asdf/.* 24"
      })
  void theEstimate_isNeverBelowWhatCppRe2Reports_andNotFarAbove(String pattern, int cppSize) {
    int estimate = ProgramSizeEstimate.of(pattern, Pattern.compile(pattern).programSize());

    assertThat(estimate).as(pattern).isBetween(cppSize, cppSize + cppSize / 5 + 2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/v2/.*",
        "/api/v[0-9]+/users/[^/]+",
        "^/(foo|bar)/\\d{1,3}$",
        "(?i)/shop",
        "(?P<n>x)y",
        "/\\Qgrpc.health.v1.Health\\E/[^/]+",
        "/{id}/x",
        "[]a]",
        "[^]a]+",
        "\\x{41}",
        "[[:alpha:]]+"
      })
  void acceptsUsualRoutePatterns(String pattern) {
    assertThat(envoy.problem(pattern)).as(pattern).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(a)\\1|is not RE2 syntax, which Envoy requires: invalid escape sequence \\1",
        "foo(?=bar)|is not RE2 syntax, which Envoy requires: invalid or unsupported Perl syntax (?=",
        "(?<!x)y|is not RE2 syntax, which Envoy requires: invalid named capture (?<!x)y",
        "a++|is not RE2 syntax, which Envoy requires: invalid nested repetition operator ++",
        "(unclosed|is not RE2 syntax, which Envoy requires: missing closing ) (unclosed",
        "a{1001}|is not RE2 syntax, which Envoy requires: invalid repeat count {1001}",
        "''|is empty, which Envoy's regex matcher does not allow"
      })
  void refusesWhatRe2Refuses(String pattern, String problem) {
    assertThat(envoy.problem(pattern)).as(pattern).contains(problem);
  }

  @Test
  void refusesAProgramOverTheLimit_namingTheRuntimeKey() {
    assertThat(envoy.problem("a.*b.*c.*d.*e.*f.*g.*"))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .isEqualTo(
                        "compiles to an RE2 program of about 117 instructions, over Envoy's limit of 100"
                            + " (re2.max_program_size.error_level)"));
    assertThat(envoy.problem("[^/]{20}")).isPresent();
    assertThat(envoy.problem("(a.b){9}")).isPresent();
    assertThat(envoy.problem("\\pL+")).isPresent();
    assertThat(envoy.problem("/" + "x".repeat(120))).isPresent();
  }

  @Test
  void aRaisedLimit_acceptsLargerPrograms_andAVeryLongPatternIsRefusedBeforeCompiling() {
    EnvoyRegexDialect raised = new EnvoyRegexDialect(1000);

    assertThat(raised.problem("a.*b.*c.*d.*e.*f.*g.*")).isEmpty();
    assertThat(envoy.problem("x".repeat(401)))
        .contains(
            "is longer than 400 characters, too large a program for RE2"
                + " in Envoy (program size limit 100)");
    assertThatThrownBy(() -> new EnvoyRegexDialect(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
