package io.gatewire.domain.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConservativeRegexTest {
  private final RegexDialect dialect = RegexDialect.conservative();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/v2/.*",
        "/api/v[0-9]+/users/[^/]+",
        "^/(foo|bar)/\\d{1,3}$",
        "(?i)/Shop",
        "(?:a|b)*?",
        "[\\]a-z]+",
        "[]x]",
        "\\Qa.b(\\E+",
        "\\p{Lu}\\pL\\P{N}",
        "\\x{41}{2}",
        "(?<name>x)",
        "a{1000}",
        "[^]a]",
        "\\.\\*",
        "\\a\\f\\t",
        "[a&b]",
        "[{]",
        "\\Qab(",
        "\\Qa\\E\\Q(\\E",
        "[\\Qa\\E++]",
        "[\\d++]"
      })
  void acceptsCommonRe2Syntax(String pattern) {
    assertThat(dialect.problem(pattern)).as(pattern).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(a)\\1|uses a backreference (\\1), which RE2 does not support",
        "(?<n>a)\\k<n>|uses a backreference (\\k), which RE2 does not support",
        "foo(?=bar)|uses lookaround, which RE2 does not support",
        "(?<!x)y|uses lookaround, which RE2 does not support",
        "(?>ab)|uses an atomic group, which RE2 does not support",
        "a++|uses a possessive quantifier, which RE2 does not support",
        "a{2,3}+|uses a possessive quantifier, which RE2 does not support",
        "[ab[cd]]|nests a character class, which RE2 reads differently",
        "[a-z&&q]|uses a class intersection (&&), which RE2 does not support",
        "(?x)a b|uses the flag x, which RE2 does not support or reads differently",
        "\\Rfoo|uses the escape \\R, which RE2 does not support or reads differently",
        "\\p{javaLowerCase}|uses the character property \\p{javaLowerCase}, which RE2 does not know (only general"
            + " categories such as L or Lu are checked as common)",
        "a{1001}|repeats more than 1000 times, RE2's limit",
        "(unclosed|is not a valid regular expression: Unclosed group",
        "''|is empty, which RE2 matchers in proxies do not allow"
      })
  void refusesJavaOnlySyntax_sayingWhy(String pattern, String problem) {
    assertThat(dialect.problem(pattern)).as(pattern).contains(problem);
  }

  /**
   * A quantifier applies to whatever atom precedes it, an escape, a quoted run or a class included,
   * so its limits hold there too; an escape RE2 lacks is refused inside a class as well.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\\Qa\\E++|uses a possessive quantifier",
        "\\d++|uses a possessive quantifier",
        "[]]++|uses a possessive quantifier",
        "\\d{1001}|repeats more than 1000 times",
        "\\x{41}{1001}|repeats more than 1000 times",
        "a*b{1001}|repeats more than 1000 times",
        "[\\h]|uses the escape \\h"
      })
  void quantifierAndEscapeRules_holdAfterAndInsideEveryKindOfAtom(String pattern, String problem) {
    assertThat(dialect.problem(pattern))
        .as(pattern)
        .hasValueSatisfying(p -> assertThat(p).startsWith(problem));
  }
}
