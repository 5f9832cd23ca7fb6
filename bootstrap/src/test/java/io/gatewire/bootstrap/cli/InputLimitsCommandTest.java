package io.gatewire.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input over the limits, through the real commands: exit 1, one line naming the file and the limit,
 * no stack trace.
 */
class InputLimitsCommandTest {
  private static final String QUICKSTART = "../docs/examples/quickstart.yaml";
  private static final String ALIAS_BOMB =
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
      """;

  @TempDir Path temp;

  private static void assertOneErrorLine(CommandRunner.Run run, String expected) {
    assertThat(run.exitCode()).isEqualTo(GatewireCommand.EXIT_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).containsExactly("error: " + expected);
  }

  @Test
  void translate_aliasBomb_isOneErrorNamingFileAndLine() throws Exception {
    Path file = Files.writeString(temp.resolve("laughs.yaml"), ALIAS_BOMB);

    CommandRunner.Run run = CommandRunner.run("translate", "-f", file.toString());

    assertOneErrorLine(
        run,
        file
            + ":6: YAML alias *a is not supported (aliases are not expanded, which also keeps"
            + " out alias bombs); write the value out instead");
  }

  @Test
  void translate_deepNesting_namesTheLimitAndItsFlag() throws Exception {
    Path file =
        Files.writeString(
            temp.resolve("deep.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  x: "
                + "[".repeat(200)
                + "]".repeat(200));

    CommandRunner.Run run = CommandRunner.run("translate", "-f", file.toString());

    assertOneErrorLine(
        run,
        file
            + ":5: objects and lists nest deeper than the limit of 100 levels"
            + " (--max-nesting-depth)");
  }

  @Test
  void translate_maxFileSize_refusesALargerFile_andAcceptsSuffixes() throws Exception {
    long size = Files.size(Path.of(QUICKSTART));

    CommandRunner.Run small =
        CommandRunner.run("translate", "--max-file-size", "1Ki", "-f", QUICKSTART);
    CommandRunner.Run enough =
        CommandRunner.run("translate", "--max-file-size", String.valueOf(size), "-f", QUICKSTART);

    assertOneErrorLine(
        small,
        QUICKSTART
            + ": input is "
            + size
            + " bytes, over the limit of 1024 bytes"
            + " (--max-file-size)");
    assertThat(enough.exitCode()).isZero();
  }

  @Test
  void translate_stdinOverTheLimit_isRefused() {
    CommandRunner.Run run =
        CommandRunner.runWithStdin(
            "# " + "x".repeat(2000) + "\n", "translate", "--max-file-size", "1Ki", "-f", "-");

    assertOneErrorLine(
        run,
        "<stdin>: input is more than 1024 bytes, over the limit of 1024 bytes (--max-file-size)");
  }

  @Test
  void aLimitOutOfRange_isAUsageError() {
    CommandRunner.Run depth =
        CommandRunner.run("translate", "--max-nesting-depth", "5000", "-f", QUICKSTART);
    CommandRunner.Run size =
        CommandRunner.run("translate", "--max-file-size", "lots", "-f", QUICKSTART);

    assertThat(depth.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(depth.err()).contains("the nesting depth limit must be between 1 and 999, not 5000");
    assertThat(size.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(size.err()).contains("'lots' is not a size");
  }

  @Test
  void routeCheck_refusesAnAliasBombToo() throws Exception {
    Path file = Files.writeString(temp.resolve("laughs.yaml"), ALIAS_BOMB);
    Path cases = Files.writeString(temp.resolve("cases.yaml"), "cases: []\n");

    CommandRunner.Run run =
        CommandRunner.run("route-check", "-f", file.toString(), "--requests", cases.toString());

    assertThat(run.exitCode()).isEqualTo(GatewireCommand.EXIT_INPUT);
    assertThat(run.err())
        .contains(file + ":6: YAML alias *a is not supported")
        .doesNotContain("Exception");
  }
}
