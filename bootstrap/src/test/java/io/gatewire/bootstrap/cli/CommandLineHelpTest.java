package io.gatewire.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Help, completion, version and usage errors of the {@code gatewire} command line. */
class CommandLineHelpTest {

  @Test
  void helpCommand_printsTheNamedCommandsUsage() {
    CommandRunner.Run help = CommandRunner.run("help", "serve");
    CommandRunner.Run flag = CommandRunner.run("serve", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).startsWith("Usage: gatewire serve ").isEqualTo(flag.out());
    assertThat(CommandRunner.run("help").out())
        .startsWith("Usage: gatewire ")
        .contains("translate", "serve", "route-check", "generate", "help", "generate-completion");
  }

  @Test
  void generateCompletion_printsABashScriptCompletingTheCommands() {
    CommandRunner.Run run = CommandRunner.run("generate-completion");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_gatewire", "serve", "translate", "--log-format");
  }

  @Test
  void version_namesVersionCommitAndXdsApi() {
    CommandRunner.Run run = CommandRunner.run("--version");

    assertThat(run.exitCode()).isZero();
    String[] lines = run.out().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).matches("gatewire \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(lines[1]).matches("commit ([0-9a-f]{7,}(-dirty)?|unknown)");
    assertThat(lines[2])
        .matches("xDS API v3 \\(Envoy API of java-control-plane \\d+\\.\\d+\\.\\d+\\)");
  }

  @Test
  void usageError_isOneLineAndAHint_notTheUsage() {
    CommandRunner.Run unknown = CommandRunner.run("serve", "--bogus");

    assertThat(unknown.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err())
        .isEqualTo(
            "error: Unknown option: '--bogus'\n"
                + "Try 'gatewire serve --help' for more information.\n");

    CommandRunner.Run typo = CommandRunner.run("serv");
    assertThat(typo.exitCode()).isEqualTo(GatewireCommand.EXIT_USAGE);
    assertThat(typo.err())
        .startsWith("error: Unmatched argument at index 0: 'serv'\n")
        .contains("serve")
        .endsWith("Try 'gatewire --help' for more information.\n")
        .doesNotContain("Usage:");
  }

  @Test
  void helpText_neverBreaksAWordOrValue_acrossLines() {
    CommandLine cli = GatewireCommand.commandLine(System.in);
    List<CommandLine> commands = new ArrayList<>(List.of(cli));
    commands.addAll(cli.getSubcommands().values());
    for (CommandLine command : commands) {
      String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
      String flattened = usage.replaceAll("\n +", " ");
      for (OptionSpec option : command.getCommandSpec().options()) {
        for (String line : option.description()) {
          String text =
              line.replace("${DEFAULT-VALUE}", String.valueOf(option.defaultValueString()));
          for (String word : text.split(" +")) {
            if (word.length() < 40) {
              assertThat(usage)
                  .as("%s %s: '%s'", command.getCommandName(), option.longestName(), word)
                  .contains(word);
            }
          }
          assertThat(flattened).as(option.longestName()).contains(text);
        }
      }
    }
    assertThat(cli.getSubcommands().get("serve").getUsageMessage(CommandLine.Help.Ansi.OFF))
        .contains("spec.controllerName", "gatewire.io/gateway-controller", "~/.kube/config");
  }
}
