package io.gatewire.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.port.SourceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputLimitsTest {
  /** The classic alias bomb: nine levels of ten aliases each would expand to 10^9 strings. */
  static final String BILLION_LAUGHS =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: lol, namespace: apps}
      data:
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
      """;

  private static final String SERVICE =
      "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: apps}\n"
          + "spec: {ports: [{port: 80}]}\n";

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static SourceException error(FileConfigurationSource source) {
    SourceException error = catchThrowableOfType(SourceException.class, source::load);
    assertThat(error).as("loading should fail").isNotNull();
    return error;
  }

  /**
   * A document whose field {@code x} holds {@code depth} nested lists, so it nests {@code depth +
   * 1} levels.
   */
  private static String nested(int depth) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\nx: "
        + "[".repeat(depth)
        + "]".repeat(depth)
        + "\n";
  }

  @Test
  void aliasBomb_isRejectedAtItsFirstAlias_namingFileAndLine() throws Exception {
    Path file = write("laughs.yaml", BILLION_LAUGHS);

    SourceException error = error(new FileConfigurationSource(List.of(file)));

    assertThat(error.getMessage()).startsWith(file + ":6: YAML alias *a is not supported");
  }

  @Test
  void aScalarAlias_isRejectedRatherThanReadAsTheAnchorName() throws Exception {
    Path file =
        write(
            "alias.yaml",
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: &n apps, labels: {x: *n}}\n");

    assertThat(error(new FileConfigurationSource(List.of(file))).getMessage())
        .startsWith(file + ":3: YAML alias *n is not supported");
  }

  @Test
  void anAnchorWithoutAlias_isHarmless() throws Exception {
    Path file =
        write("anchor.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: &m {name: apps}\n");

    assertThat(new FileConfigurationSource(List.of(file)).load().all()).hasSize(1);
  }

  @Test
  void nestingUpToTheLimit_isRead_deeperIsAnErrorNamingTheLimit() throws Exception {
    InputLimits limits = new InputLimits(InputLimits.DEFAULT_MAX_FILE_BYTES, 10);
    Path fits = write("fits.yaml", nested(9));
    Path deep = write("deep.yaml", nested(10));

    assertThatCode(
            () ->
                new FileConfigurationSource(List.of(fits), InputStream.nullInputStream(), limits)
                    .load())
        .doesNotThrowAnyException();
    assertThat(
            error(new FileConfigurationSource(List.of(deep), InputStream.nullInputStream(), limits))
                .getMessage())
        .isEqualTo(
            deep
                + ":4: objects and lists nest deeper than the limit of 10 levels (--max-nesting-depth)");
  }

  @Test
  void defaultNestingLimit_stopsAThousandLevels_inYamlAndJson() throws Exception {
    Path yaml = write("deep.yaml", nested(1000));
    Path json =
        write(
            "deep.json",
            "{\"apiVersion\": \"v1\", \"x\": " + "[".repeat(1000) + "]".repeat(1000) + "}");

    assertThat(error(new FileConfigurationSource(List.of(yaml))).getMessage())
        .contains("deeper than the limit of " + InputLimits.DEFAULT_MAX_NESTING_DEPTH + " levels");
    assertThat(error(new FileConfigurationSource(List.of(json))).getMessage())
        .startsWith(json + ":1: objects and lists nest deeper than the limit of 100 levels");
  }

  @Test
  void aFileOverTheSizeLimit_isAnErrorBeforeParsing() throws Exception {
    Path big = write("big.yaml", SERVICE + "# " + "x".repeat(1000) + "\n");
    InputLimits limits = new InputLimits(1000, InputLimits.DEFAULT_MAX_NESTING_DEPTH);

    SourceException error =
        error(new FileConfigurationSource(List.of(big), InputStream.nullInputStream(), limits));

    assertThat(error.getMessage())
        .isEqualTo(
            big
                + ": input is "
                + Files.size(big)
                + " bytes, over the limit of 1000 bytes (--max-file-size)");
  }

  @Test
  void stdinOverTheSizeLimit_isAnError_withinTheLimitIsRead() throws Exception {
    byte[] bytes = SERVICE.getBytes(StandardCharsets.UTF_8);
    InputLimits exact = new InputLimits(bytes.length, InputLimits.DEFAULT_MAX_NESTING_DEPTH);
    InputLimits small = new InputLimits(bytes.length - 1, InputLimits.DEFAULT_MAX_NESTING_DEPTH);

    assertThat(
            new FileConfigurationSource(
                    List.of(Path.of("-")), new ByteArrayInputStream(bytes), exact)
                .load()
                .all())
        .extracting(o -> o.ref())
        .containsExactly(new ObjectRef("Service", "apps", "web"));
    assertThat(
            error(
                    new FileConfigurationSource(
                        List.of(Path.of("-")), new ByteArrayInputStream(bytes), small))
                .getMessage())
        .isEqualTo(
            "<stdin>: input is more than "
                + (bytes.length - 1)
                + " bytes, over the limit of "
                + (bytes.length - 1)
                + " bytes (--max-file-size)");
  }

  @Test
  void limits_mustBeSensible() {
    assertThatThrownBy(() -> new InputLimits(0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InputLimits(10, 1000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
