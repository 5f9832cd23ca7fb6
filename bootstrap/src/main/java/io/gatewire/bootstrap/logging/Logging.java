package io.gatewire.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback for the command line: every line to stderr (stdout carries {@code translate}'s
 * output), in the given format, at the given level (at {@code debug}, gRPC's and Netty's own
 * loggers stay at {@code info}). Replaces whatever configuration was there.
 */
public final class Logging {
  static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level [%thread] %logger: %msg%n";

  private Logging() {}

  public static void configure(LogFormat format, LogLevel level) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("stderr");
    console.setTarget("System.err");
    console.setEncoder(encoder(format, context));
    console.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level.logback());
    root.addAppender(console);
    if (level == LogLevel.debug) {
      // their debug lines are HTTP/2 frame dumps, xDS payloads included; trace keeps them
      context.getLogger("io.netty").setLevel(Level.INFO);
      context.getLogger("io.grpc").setLevel(Level.INFO);
    }
  }

  private static Encoder<ILoggingEvent> encoder(LogFormat format, LoggerContext context) {
    if (format == LogFormat.json) {
      LogstashEncoder json = new LogstashEncoder();
      json.setContext(context);
      LogstashFieldNames names = json.getFieldNames();
      names.setTimestamp("timestamp");
      names.setVersion("[ignore]");
      names.setLevelValue("[ignore]");
      names.setLogger("logger");
      names.setThread("thread");
      json.setIncludeContext(false);
      json.start();
      return json;
    }
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern(TEXT_PATTERN);
    text.start();
    return text;
  }
}
