/**
 * Logging of the {@code gatewire} command: Logback behind SLF4J, configured from {@code
 * --log-format} (text lines with a timestamp and level, or one JSON object a line) and {@code
 * --log-level}, and the loggers of the lines users read, named for what they describe ({@link
 * io.gatewire.bootstrap.logging.UserLoggers}).
 */
package io.gatewire.bootstrap.logging;
