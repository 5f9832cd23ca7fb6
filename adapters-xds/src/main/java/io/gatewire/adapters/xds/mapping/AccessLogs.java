package io.gatewire.adapters.xds.mapping;

import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.accesslog.v3.AccessLog;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.SubstitutionFormatString;
import io.envoyproxy.envoy.extensions.access_loggers.file.v3.FileAccessLog;
import io.envoyproxy.envoy.extensions.access_loggers.stream.v3.StdoutAccessLog;
import io.gatewire.adapters.xds.proto.TypedConfigs;
import io.gatewire.domain.ir.IrListener.IrProxyChain;
import io.gatewire.domain.metadata.ResourceOrigin;
import io.gatewire.domain.settings.AccessLogFormat;
import io.gatewire.domain.settings.GatewaySettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access logs of Gatewire's listeners (docs/observability.md). By default every line is a JSON
 * object with the same fields on every listener kind: the request or connection (time, method,
 * authority, path, protocol, response code and flags, bytes, duration, upstream host and cluster,
 * request id, client address, TLS server name) and its origin: the Gateway and listener, the route
 * (kind, namespace, name, rule index and name) and the backend (kind, namespace, name, port). A
 * field that does not apply is null. Origins come from what Envoy knows at request time where one
 * connection manager serves many (the virtual host's, route's and locality's metadata, read with
 * CEL), and are written in as literals where the chain serves one (the Gateway always; the Gateway
 * listener of an HTTPS chain; all of a TLS, TCP or UDP chain, whose backend alone comes from the
 * locality). The text format writes the same values on one line. A custom format replaces either.
 */
final class AccessLogs {
  static final String STDOUT_LOGGER = "envoy.access_loggers.stdout";
  static final String FILE_LOGGER = "envoy.access_loggers.file";

  /**
   * Rule indexes the default HTTP line can name: the Gateway API allows 16 rules per route. The
   * index is read from the route's name (its {@code /rule/<i>/} part), as CEL here has no string
   * functions to cut it out.
   */
  static final int MAX_RULES = 16;

  private final String metadataNamespace;

  AccessLogs(String metadataNamespace) {
    this.metadataNamespace = metadataNamespace;
  }

  /**
   * The access log of an HTTP connection manager of {@code gateway}; {@code listener} is its
   * Gateway listener when it serves exactly one (an HTTPS chain), else null (read from the virtual
   * host).
   */
  List<AccessLog> http(GatewayContext gateway, String listener) {
    GatewaySettings.AccessLog settings = gateway.settings().accessLog();
    if (!settings.enabled()) {
      return List.of();
    }
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("start_time", text("%START_TIME%"));
    fields.put("method", text("%REQ(:METHOD)%"));
    fields.put("authority", text("%REQ(:AUTHORITY)%"));
    fields.put("path", text("%REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%"));
    fields.put("protocol", text("%PROTOCOL%"));
    fields.put("response_code", text("%RESPONSE_CODE%"));
    fields.put("response_flags", text("%RESPONSE_FLAGS%"));
    fields.put("response_code_details", text("%RESPONSE_CODE_DETAILS%"));
    fields.put("bytes_received", text("%BYTES_RECEIVED%"));
    fields.put("bytes_sent", text("%BYTES_SENT%"));
    fields.put("duration_ms", text("%DURATION%"));
    fields.put("upstream_host", text("%UPSTREAM_HOST%"));
    fields.put("upstream_cluster", text("%UPSTREAM_CLUSTER%"));
    fields.put("request_id", text("%REQ(X-REQUEST-ID)%"));
    fields.put("downstream_remote_address", text("%DOWNSTREAM_REMOTE_ADDRESS%"));
    fields.put("server_name", text("%REQUESTED_SERVER_NAME%"));
    fields.put("gateway_namespace", literal(gateway.namespace()));
    fields.put("gateway_name", literal(gateway.name()));
    fields.put(
        "listener", listener != null ? literal(listener) : cel("virtual_host", "sectionName"));
    fields.put("route_kind", cel("route", "kind"));
    fields.put("route_namespace", cel("route", "namespace"));
    fields.put("route_name", cel("route", "name"));
    fields.put("route_rule", text("%TYPED_CEL(" + ruleIndex() + ")%"));
    fields.put("route_rule_name", cel("route", "sectionName"));
    backend(fields);
    return log(settings, fields);
  }

  /** The access log of a TLS or TCP chain, or of a UDP listener's one chain. */
  List<AccessLog> proxy(GatewayContext gateway, IrProxyChain chain, boolean udp) {
    GatewaySettings.AccessLog settings = gateway.settings().accessLog();
    if (!settings.enabled()) {
      return List.of();
    }
    ResourceOrigin route = chain.route();
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("start_time", text("%START_TIME%"));
    fields.put("method", NULL);
    fields.put("authority", NULL);
    fields.put("path", NULL);
    fields.put("protocol", NULL);
    fields.put("response_code", NULL);
    fields.put("response_flags", text("%RESPONSE_FLAGS%"));
    fields.put("response_code_details", NULL);
    fields.put("bytes_received", text("%BYTES_RECEIVED%"));
    fields.put("bytes_sent", text("%BYTES_SENT%"));
    fields.put("duration_ms", text("%DURATION%"));
    fields.put("upstream_host", text("%UPSTREAM_HOST%"));
    // udp_proxy does not fill in the upstream cluster; its listener has only one
    fields.put("upstream_cluster", udp ? literal(chain.cluster()) : text("%UPSTREAM_CLUSTER%"));
    fields.put("request_id", NULL);
    fields.put("downstream_remote_address", text("%DOWNSTREAM_REMOTE_ADDRESS%"));
    fields.put("server_name", udp ? NULL : text("%REQUESTED_SERVER_NAME%"));
    fields.put("gateway_namespace", literal(gateway.namespace()));
    fields.put("gateway_name", literal(gateway.name()));
    fields.put("listener", literal(chain.listener()));
    fields.put("route_kind", literal(route == null ? null : route.kind()));
    fields.put("route_namespace", literal(route == null ? null : route.namespace()));
    fields.put("route_name", literal(route == null ? null : route.name()));
    fields.put("route_rule", route == null ? NULL : Value.newBuilder().setNumberValue(0).build());
    fields.put("route_rule_name", literal(route == null ? null : route.sectionName()));
    backend(fields);
    return log(settings, fields);
  }

  private void backend(Map<String, Value> fields) {
    fields.put("backend_kind", cel("upstream_host_locality", "kind"));
    fields.put("backend_namespace", cel("upstream_host_locality", "namespace"));
    fields.put("backend_name", cel("upstream_host_locality", "name"));
    fields.put(
        "backend_port",
        text("%TYPED_CEL(int(" + metadata("upstream_host_locality", "sectionName") + "))%"));
  }

  private List<AccessLog> log(GatewaySettings.AccessLog settings, Map<String, Value> fields) {
    SubstitutionFormatString.Builder format = SubstitutionFormatString.newBuilder();
    if (settings.format() == AccessLogFormat.TEXT) {
      String line = settings.text() != null ? settings.text() : textLine(fields);
      format.setTextFormatSource(
          DataSource.newBuilder().setInlineString(line.endsWith("\n") ? line : line + "\n"));
    } else {
      Struct.Builder json = Struct.newBuilder();
      if (settings.json().isEmpty()) {
        json.putAllFields(fields);
      } else {
        settings.json().forEach((name, value) -> json.putFields(name, text(value)));
      }
      format.setJsonFormat(json);
    }
    AccessLog.Builder log = AccessLog.newBuilder();
    if (settings.toStdout()) {
      log.setName(STDOUT_LOGGER)
          .setTypedConfig(
              TypedConfigs.pack(StdoutAccessLog.newBuilder().setLogFormat(format).build()));
    } else {
      log.setName(FILE_LOGGER)
          .setTypedConfig(
              TypedConfigs.pack(
                  FileAccessLog.newBuilder()
                      .setPath(settings.path())
                      .setLogFormat(format)
                      .build()));
    }
    return List.of(log.build());
  }

  /**
   * The default fields as one line of text: Envoy's usual start of a line, then {@code name=value}
   * for the rest; values that do not apply are {@code -}.
   */
  private static String textLine(Map<String, Value> fields) {
    StringBuilder line =
        new StringBuilder(
            "[%START_TIME%] \"%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%\""
                + " %RESPONSE_CODE% %RESPONSE_FLAGS% %BYTES_RECEIVED% %BYTES_SENT% %DURATION%"
                + " \"%REQ(X-REQUEST-ID)%\" \"%REQ(:AUTHORITY)%\" \"%UPSTREAM_HOST%\"");
    for (String name :
        List.of(
            "upstream_cluster",
            "gateway_namespace",
            "gateway_name",
            "listener",
            "route_kind",
            "route_namespace",
            "route_name",
            "route_rule",
            "route_rule_name",
            "backend_kind",
            "backend_namespace",
            "backend_name",
            "backend_port")) {
      Value value = fields.get(name);
      String text =
          value.hasNullValue()
              ? "-"
              : value.hasNumberValue()
                  ? String.valueOf((long) value.getNumberValue())
                  : value.getStringValue().replace("%TYPED_CEL(", "%CEL(");
      line.append(' ').append(name).append('=').append(text);
    }
    return line.append('\n').toString();
  }

  /** A field read from the {@code resources[0]} entry of some metadata (null when absent). */
  private Value cel(String metadata, String key) {
    return text("%TYPED_CEL(" + metadata(metadata, key) + ")%");
  }

  private String metadata(String metadata, String key) {
    return "xds."
        + metadata
        + "_metadata.filter_metadata['"
        + metadataNamespace
        + "'].resources[0]."
        + key;
  }

  /**
   * The rule index in the route name {@code <kind>/<namespace>/<name>/rule/<i>/match/...}, for the
   * first {@link #MAX_RULES} rules; null for a route without one.
   */
  static String ruleIndex() {
    StringBuilder cel = new StringBuilder();
    for (int i = 0; i < MAX_RULES; i++) {
      cel.append("xds.route_name.matches('^[^/]+/[^/]+/[^/]+/rule/")
          .append(i)
          .append("/') ? ")
          .append(i)
          .append(" : ");
    }
    return cel.append("null").toString();
  }

  private static final Value NULL = Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();

  private static Value text(String value) {
    return Value.newBuilder().setStringValue(value).build();
  }

  /** A literal string, escaped for Envoy's format strings; null when absent. */
  private static Value literal(String value) {
    return value == null ? NULL : text(value.replace("%", "%%"));
  }
}
