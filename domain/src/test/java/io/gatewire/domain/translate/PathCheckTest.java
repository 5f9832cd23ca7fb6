package io.gatewire.domain.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathCheckTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/api",
        "/api/",
        "/a-b_c.d~e/%20x",
        "/helloworld.Greeter/SayHello",
        "/v1:run",
        "/@me"
      })
  void acceptsAbsolutePaths(String path) {
    assertThat(PathCheck.problem(path)).as(path).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|path \"\" is not an absolute path of URI path characters",
        "no-slash|path \"no-slash\" is not an absolute path of URI path characters",
        "/x?y|path \"/x?y\" is not an absolute path of URI path characters",
        "/a b|path \"/a b\" is not an absolute path of URI path characters",
        "/%zz|path \"/%zz\" is not an absolute path of URI path characters",
        "/a//b|path \"/a//b\" must not contain //",
        "/a/../b|path \"/a/../b\" must not contain /../",
        "/a%2Fb|path \"/a%2Fb\" must not contain %2F",
        "/a/..|path \"/a/..\" must not end with a dot segment"
      })
  void refusesWhatTheCrdRefuses(String path, String problem) {
    assertThat(PathCheck.problem(path)).contains(problem);
  }
}
