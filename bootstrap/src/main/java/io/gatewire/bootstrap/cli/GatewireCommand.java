package io.gatewire.bootstrap.cli;

import io.gatewire.bootstrap.build.BuildInfo;
import io.gatewire.bootstrap.logging.Logging;
import java.io.InputStream;
import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gatewire}: the top-level command. Exit codes: 0 done, 1 input unreadable, 2 bad usage. */
@Command(
    name = "gatewire",
    mixinStandardHelpOptions = true,
    versionProvider = GatewireCommand.Version.class,
    description =
        "Gateway API control plane for Envoy, with provenance metadata on every xDS object.",
    subcommands = {
      TranslateCommand.class,
      RouteCheckCommand.class,
      ExplainCommand.class,
      ServeCommand.class,
      GenerateCommand.class,
      CommandLine.HelpCommand.class,
      AutoComplete.GenerateCompletion.class
    })
public final class GatewireCommand implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_INPUT = 1;
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin LoggingFlags logging;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** A command line with Gatewire's exit codes, reading {@code -} paths from {@code stdin}. */
  public static CommandLine commandLine(InputStream stdin) {
    CommandLine cli = new CommandLine(new GatewireCommand(), new Factory(stdin));
    cli.getSubcommands()
        .get("generate-completion")
        .getCommandSpec()
        .usageMessage()
        .hidden(false)
        .description(
            "Print a bash/zsh completion script for gatewire: source <(gatewire generate-completion)");
    cli.setHelpFactory(WholeWordHelp::new);
    cli.setExecutionStrategy(
        parsed -> {
          LoggingFlags.Choice logs = LoggingFlags.of(parsed);
          Logging.configure(logs.format(), logs.level());
          return new CommandLine.RunLast().execute(parsed);
        });
    cli.setParameterExceptionHandler(GatewireCommand::usageError);
    cli.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          command.getErr().println("error: " + e.getMessage());
          command.getErr().flush();
          return EXIT_INPUT;
        });
    return cli;
  }

  /** A usage error: the error in one line (and picocli's suggestions), then where help is. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println(
        "Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return EXIT_USAGE;
  }

  public static void main(String[] args) {
    System.exit(commandLine(System.in).execute(args));
  }

  /** Creates commands, handing stdin to those that read it. */
  private record Factory(InputStream stdin) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == TranslateCommand.class) {
        return type.cast(new TranslateCommand(stdin));
      }
      if (type == RouteCheckCommand.class) {
        return type.cast(new RouteCheckCommand(stdin));
      }
      if (type == ExplainCommand.class) {
        return type.cast(new ExplainCommand(stdin));
      }
      if (type == ServeCommand.class) {
        return type.cast(new ServeCommand(stdin));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /** The version, the commit it was built from and the xDS API version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      BuildInfo build = BuildInfo.current();
      return new String[] {
        "gatewire " + build.version(), "commit " + build.commit(), "xDS API " + build.xdsApi()
      };
    }
  }
}
