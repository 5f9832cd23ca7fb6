package io.gatewire.domain.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings one Gateway's proxies get: every level merged field by field and defaulted (see
 * {@link ProxySettingsSpec}). The xDS mappers read it.
 *
 * @param accessLog the access log of every listener
 * @param tracing OpenTelemetry tracing of HTTP requests
 * @param http how the HTTP connection managers treat requests
 * @param metrics which stats Envoy keeps
 */
public record GatewaySettings(
    AccessLog accessLog, Tracing tracing, HttpSettings http, Metrics metrics) {
  /**
   * What a Gateway gets when nothing is set: JSON access logs to stdout, no tracing, the default
   * HTTP protections, route stats.
   */
  public static final GatewaySettings DEFAULTS =
      new GatewaySettings(AccessLog.DEFAULTS, Tracing.OFF, HttpSettings.DEFAULTS, Metrics.DEFAULTS);

  public GatewaySettings {
    Objects.requireNonNull(accessLog, "accessLog");
    Objects.requireNonNull(tracing, "tracing");
    http = http == null ? HttpSettings.DEFAULTS : http;
    metrics = metrics == null ? Metrics.DEFAULTS : metrics;
  }

  /** The default HTTP protections and metrics. */
  public GatewaySettings(AccessLog accessLog, Tracing tracing) {
    this(accessLog, tracing, HttpSettings.DEFAULTS, Metrics.DEFAULTS);
  }

  /** The default metrics. */
  public GatewaySettings(AccessLog accessLog, Tracing tracing, HttpSettings http) {
    this(accessLog, tracing, http, Metrics.DEFAULTS);
  }

  /**
   * The access log.
   *
   * @param enabled whether listeners write one
   * @param path {@link #STDOUT} or an absolute file path
   * @param format JSON or text lines
   * @param text the custom text line; null for Gatewire's own (and for JSON)
   * @param json the custom JSON fields in their order; empty for Gatewire's own (and for text)
   */
  public record AccessLog(
      boolean enabled, String path, AccessLogFormat format, String text, Map<String, String> json) {
    /** The path that means Envoy's standard output. */
    public static final String STDOUT = "/dev/stdout";

    public static final AccessLog DEFAULTS =
        new AccessLog(true, STDOUT, AccessLogFormat.JSON, null, Map.of());

    public AccessLog {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(format, "format");
      json =
          json == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(json));
    }

    public boolean toStdout() {
      return STDOUT.equals(path);
    }
  }

  /**
   * Tracing: on when {@code collector} is not null.
   *
   * @param collector the OTLP/gRPC collector; null: tracing is off
   * @param samplingPercent the share of requests traced, 0 to 100
   * @param serviceName the spans' {@code service.name}; null: the Gateway's {@code namespace/name}
   */
  public record Tracing(
      TracingSpec.Collector collector, double samplingPercent, String serviceName) {
    public static final double DEFAULT_SAMPLING_PERCENT = 100;
    public static final Tracing OFF = new Tracing(null, DEFAULT_SAMPLING_PERCENT, null);

    public boolean enabled() {
      return collector != null;
    }
  }

  /**
   * Which stats Envoy keeps beyond its own defaults.
   *
   * @param routeStats whether each route carries its rule's {@code stat_prefix}, so Envoy counts
   *     requests per rule and virtual host ({@code vhost.<host>.route.<prefix>.*})
   */
  public record Metrics(boolean routeStats) {
    public static final Metrics DEFAULTS = new Metrics(true);
  }
}
