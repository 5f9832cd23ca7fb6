package io.gatewire.bootstrap.cli;

import java.io.InputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
      GenerateCommand.class
    })
public final class GatewireCommand implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_INPUT = 1;
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** A command line with Gatewire's exit codes, reading {@code -} paths from {@code stdin}. */
  public static CommandLine commandLine(InputStream stdin) {
    CommandLine cli = new CommandLine(new GatewireCommand(), new Factory(stdin));
    cli.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          command.getErr().println("error: " + e.getMessage());
          command.getErr().flush();
          return EXIT_INPUT;
        });
    return cli;
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

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = GatewireCommand.class.getPackage().getImplementationVersion();
      return new String[] {"gatewire " + (version == null ? "development" : version)};
    }
  }
}
