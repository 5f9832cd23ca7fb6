package io.gatewire.adapters.xds.mapping;

import static io.gatewire.adapters.xds.testing.IrFixtures.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.ir.IrMatch;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ReplacePrefixMatch table of the Gateway API, applied the way Envoy applies each rewrite. */
class PathRewriteTest {

  @ParameterizedTest(name = "{0} with prefix {1} replaced by \"{2}\" is {3}")
  @CsvSource({
    "/foo/bar, /foo,  /xyz,  /xyz/bar",
    "/foo/bar, /foo,  /xyz/, /xyz/bar",
    "/foo/bar, /foo/, /xyz,  /xyz/bar",
    "/foo/bar, /foo/, /xyz/, /xyz/bar",
    "/foo,     /foo,  /xyz,  /xyz",
    "/foo/,    /foo,  /xyz,  /xyz/",
    "/foo/bar, /foo,  '',    /bar",
    "/foo/,    /foo,  '',    /",
    "/foo,     /foo,  '',    /",
    "/foo/,    /foo,  /,     /",
    "/foo,     /foo,  /,     /",
    "/foo/bar, /foo,  /,     /bar",
    "/bar,     /,     /xyz,  /xyz/bar",
    "/,        /,     /xyz,  /xyz/",
    "/a.b/c,   /a.b,  /,     /c"
  })
  void replacePrefixMatch_followsTheGatewayApiTable(
      String path, String matched, String replacement, String expected) {
    PathRewrite rewrite = PathRewrite.replacePrefix(prefix(matched), replacement);

    assertThat(envoyApplies(rewrite, matched, path)).isEqualTo(expected);
  }

  @Test
  void prefixRewriteWithAnotherMatchType_isPassedAsIs() {
    PathRewrite rewrite =
        PathRewrite.replacePrefix(
            new IrMatch(IrMatch.PathType.EXACT, "/a", List.of(), List.of()), "/b/");

    assertThat(rewrite.prefix()).isEqualTo("/b/");
    assertThat(rewrite.regex()).isNull();
  }

  /**
   * Envoy: prefix_rewrite replaces the matched (segment-separated) prefix; regex_rewrite replaces
   * all matches.
   */
  private static String envoyApplies(PathRewrite rewrite, String matched, String path) {
    if (rewrite.prefix() != null) {
      return rewrite.prefix() + path.substring(RouteMatchMapper.segmentPrefix(matched).length());
    }
    return Pattern.compile(rewrite.regex().getPattern().getRegex())
        .matcher(path)
        .replaceAll(rewrite.regex().getSubstitution());
  }
}
