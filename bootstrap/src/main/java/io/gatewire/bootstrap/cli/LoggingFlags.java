package io.gatewire.bootstrap.cli;

import io.gatewire.bootstrap.logging.LogFormat;
import io.gatewire.bootstrap.logging.LogLevel;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * {@code --log-level} and {@code --log-format}, accepted by every command (before or after its
 * name). Logs go to stderr; {@code translate} and {@code generate} keep stdout for their output.
 */
final class LoggingFlags {
  static final String LEVEL = "--log-level";
  static final String FORMAT = "--log-format";

  @Option(
      names = LEVEL,
      paramLabel = "LEVEL",
      scope = ScopeType.INHERIT,
      description =
          "Least severe log level written: error, warn, info, debug, trace (default: info).")
  LogLevel level;

  @Option(
      names = FORMAT,
      paramLabel = "FORMAT",
      scope = ScopeType.INHERIT,
      description =
          "Log lines as text (default) or json: one object a line with timestamp, level, logger,"
              + " thread, message and fields such as file, line and object of a configuration error.")
  LogFormat format;

  /** The level and format given anywhere on the command line, else info and text. */
  static Choice of(ParseResult parsed) {
    LogLevel level = LogLevel.info;
    LogFormat format = LogFormat.text;
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      level = p.matchedOptionValue(LEVEL, level);
      format = p.matchedOptionValue(FORMAT, format);
    }
    return new Choice(level, format);
  }

  record Choice(LogLevel level, LogFormat format) {}
}
