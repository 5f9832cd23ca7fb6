package io.gatewire.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewire.domain.settings.AccessLogFormat;
import io.gatewire.domain.settings.AccessLogSpec;
import io.gatewire.domain.settings.FormatStrings;
import io.gatewire.domain.settings.GatewaySettings;
import io.gatewire.domain.settings.MetricsSpec;
import io.gatewire.domain.settings.ProxySettingsSpec;
import io.gatewire.domain.settings.TracingSpec;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The proxy settings every Gateway starts from (docs/proxy-settings.md): the lowest level, which a
 * GatewayClass's or Gateway's ProxySettings overrides field by field. A flag not given leaves its
 * field unset, so the built-in default applies.
 */
final class ProxySettingsFlags {
  private static final String OFF = "off";
  private static final String STDOUT = "stdout";

  @Option(
      names = "--access-log",
      paramLabel = "stdout|off|PATH",
      description =
          "Where every listener's access log goes: stdout (the default), off, or an absolute file path.")
  String accessLog;

  @Option(
      names = "--access-log-format",
      paramLabel = "json|text",
      description = "Access log lines as JSON objects (the default) or text.")
  String accessLogFormat;

  @Option(
      names = "--access-log-text",
      paramLabel = "FORMAT",
      description =
          "A custom access log line in Envoy's format string syntax (sets --access-log-format text).")
  String accessLogText;

  @Option(
      names = "--access-log-json",
      paramLabel = "JSON",
      description =
          "Custom access log fields, a JSON object of name to Envoy format string"
              + " (sets --access-log-format json).")
  String accessLogJson;

  @Option(
      names = "--tracing-collector",
      paramLabel = "HOST:PORT",
      description = "Trace HTTP requests with OpenTelemetry: the OTLP/gRPC collector's address.")
  String tracingCollector;

  @Option(
      names = "--tracing-sampling",
      paramLabel = "PERCENT",
      description = "The share of requests traced, 0 to 100 (default 100).")
  Double tracingSampling;

  @Option(
      names = "--tracing-service-name",
      paramLabel = "NAME",
      description = "The spans' service.name (default: the Gateway's namespace/name).")
  String tracingServiceName;

  @Option(
      names = "--metrics-route-stats",
      paramLabel = "true|false",
      arity = "1",
      description =
          "Per-rule route stats (each route's stat_prefix; default: true). false saves Envoy most"
              + " of its work on each route configuration update at thousands of routes.")
  Boolean routeStats;

  @Mixin HttpFlags http;

  /** The flags as the lowest level of settings; a flag out of range is a usage error. */
  ProxySettingsSpec spec(CommandLine commandLine) {
    return new ProxySettingsSpec(accessLog(commandLine), tracing(commandLine))
        .withHttp(http.spec(commandLine))
        .withMetrics(routeStats == null ? null : new MetricsSpec(routeStats));
  }

  private AccessLogSpec accessLog(CommandLine commandLine) {
    if (accessLog == null
        && accessLogFormat == null
        && accessLogText == null
        && accessLogJson == null) {
      return null;
    }
    Boolean enabled = null;
    String path = null;
    if (accessLog != null) {
      if (accessLog.equals(OFF)) {
        enabled = false;
      } else if (accessLog.equals(STDOUT)) {
        enabled = true;
        path = GatewaySettings.AccessLog.STDOUT;
      } else if (accessLog.startsWith("/")) {
        enabled = true;
        path = accessLog;
      } else {
        throw usage(
            commandLine, "--access-log is stdout, off or an absolute file path, not " + accessLog);
      }
    }
    AccessLogFormat format = format(commandLine);
    if (accessLogText != null && accessLogJson != null) {
      throw usage(commandLine, "--access-log-text and --access-log-json exclude each other");
    }
    if (accessLogText != null) {
      checkFormatString(commandLine, "--access-log-text", accessLogText);
      if (format == AccessLogFormat.JSON) {
        throw usage(commandLine, "--access-log-text needs --access-log-format text");
      }
      format = AccessLogFormat.TEXT;
    }
    Map<String, String> json = null;
    if (accessLogJson != null) {
      if (format == AccessLogFormat.TEXT) {
        throw usage(commandLine, "--access-log-json needs --access-log-format json");
      }
      json = jsonFields(commandLine);
      format = AccessLogFormat.JSON;
    }
    return new AccessLogSpec(enabled, path, format, accessLogText, json);
  }

  private AccessLogFormat format(CommandLine commandLine) {
    if (accessLogFormat == null) {
      return null;
    }
    return switch (accessLogFormat.toLowerCase(Locale.ROOT)) {
      case "json" -> AccessLogFormat.JSON;
      case "text" -> AccessLogFormat.TEXT;
      default ->
          throw usage(commandLine, "--access-log-format is json or text, not " + accessLogFormat);
    };
  }

  private Map<String, String> jsonFields(CommandLine commandLine) {
    JsonNode tree;
    try {
      tree = new ObjectMapper().readTree(accessLogJson);
    } catch (JsonProcessingException e) {
      throw usage(commandLine, "--access-log-json is not JSON: " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject() || tree.isEmpty()) {
      throw usage(
          commandLine,
          "--access-log-json is a JSON object of field name to format string, such as"
              + " {\"status\":\"%RESPONSE_CODE%\"}");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getValue().isTextual()) {
        throw usage(
            commandLine,
            "--access-log-json: the value of " + field.getKey() + " must be a format string");
      }
      checkFormatString(
          commandLine, "--access-log-json field " + field.getKey(), field.getValue().asText());
      fields.put(field.getKey(), field.getValue().asText());
    }
    return fields;
  }

  private TracingSpec tracing(CommandLine commandLine) {
    if (tracingCollector == null && tracingSampling == null && tracingServiceName == null) {
      return null;
    }
    TracingSpec.Collector collector = null;
    if (tracingCollector != null) {
      int colon = tracingCollector.lastIndexOf(':');
      int port = -1;
      if (colon > 0) {
        try {
          port = Integer.parseInt(tracingCollector.substring(colon + 1));
        } catch (NumberFormatException e) {
          port = -1;
        }
      }
      if (port < 1 || port > 65_535) {
        throw usage(
            commandLine,
            "--tracing-collector is HOST:PORT (port 1 to 65535), not " + tracingCollector);
      }
      collector = new TracingSpec.Collector(tracingCollector.substring(0, colon), port);
    }
    if (tracingSampling != null
        && (tracingSampling.isNaN() || tracingSampling < 0 || tracingSampling > 100)) {
      throw usage(commandLine, "--tracing-sampling is 0 to 100, not " + tracingSampling);
    }
    if (tracingServiceName != null && tracingServiceName.isBlank()) {
      throw usage(commandLine, "--tracing-service-name must not be empty");
    }
    return new TracingSpec(null, collector, tracingSampling, tracingServiceName);
  }

  private static void checkFormatString(CommandLine commandLine, String flag, String format) {
    FormatStrings.problem(format)
        .ifPresent(
            problem -> {
              throw usage(commandLine, flag + ": " + problem);
            });
  }

  private static CommandLine.ParameterException usage(CommandLine commandLine, String message) {
    return new CommandLine.ParameterException(commandLine, message);
  }
}
