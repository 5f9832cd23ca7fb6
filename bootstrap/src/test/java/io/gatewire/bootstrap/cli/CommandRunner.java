package io.gatewire.bootstrap.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs the {@code gatewire} command in this JVM, as the shaded jar's main would, and captures its
 * streams.
 */
public final class CommandRunner {
  private CommandRunner() {}

  /** Exit code, stdout and stderr of one run. */
  public record Run(int exitCode, String out, String err) {}

  public static Run run(String... args) {
    return runWithStdin("", args);
  }

  public static Run runWithStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        GatewireCommand.commandLine(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
