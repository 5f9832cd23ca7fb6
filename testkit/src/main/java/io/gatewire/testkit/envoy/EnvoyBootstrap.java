package io.gatewire.testkit.envoy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gatewire.testkit.tools.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bootstrap of a test Envoy: its node, ADS (delta or state of the world) to an xDS server on a
 * loopback port, the wildcard CDS and LDS {@code initial_fetch_timeout} (Envoy's default of 15 s
 * when empty), the admin interface on a free loopback port, and static listeners a test adds beside
 * the dynamic ones ({@link StaticListener}). As in the bootstraps Gatewire ships, the node's
 * locality zone is its cluster (the Gateway), so that Envoy counts requests per backend zone;
 * {@code statsConfig} is the bootstrap's {@code stats_config}, if any.
 *
 * @param nodeId the node's {@code id}
 * @param nodeCluster the node's {@code cluster}: Gatewire serves the Gateway {@code
 *     <namespace>/<name>} it names
 * @param xdsPort the xDS server's port on 127.0.0.1
 */
public record EnvoyBootstrap(
    String nodeId,
    String nodeCluster,
    int xdsPort,
    AdsProtocol protocol,
    Optional<Duration> initialFetchTimeout,
    List<StaticListener> staticListeners,
    Optional<Object> statsConfig) {
  /** The static cluster that reaches the xDS server. */
  public static final String XDS_CLUSTER = "gatewire_xds";

  /** The two ADS variants Envoy speaks over gRPC. */
  public enum AdsProtocol {
    DELTA("DELTA_GRPC"),
    SOTW("GRPC");

    private final String apiType;

    AdsProtocol(String apiType) {
      this.apiType = apiType;
    }
  }

  public EnvoyBootstrap {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(nodeCluster, "nodeCluster");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(initialFetchTimeout, "initialFetchTimeout");
    staticListeners = List.copyOf(staticListeners);
    Objects.requireNonNull(statsConfig, "statsConfig");
  }

  /** Delta ADS to {@code 127.0.0.1:xdsPort}, Envoy's default initial fetch timeout. */
  public static EnvoyBootstrap ads(String nodeId, String nodeCluster, int xdsPort) {
    return new EnvoyBootstrap(
        nodeId,
        nodeCluster,
        xdsPort,
        AdsProtocol.DELTA,
        Optional.empty(),
        List.of(),
        Optional.empty());
  }

  public EnvoyBootstrap withProtocol(AdsProtocol protocol) {
    return new EnvoyBootstrap(
        nodeId, nodeCluster, xdsPort, protocol, initialFetchTimeout, staticListeners, statsConfig);
  }

  /** How long Envoy waits for the first CDS and LDS answer; zero waits for ever. */
  public EnvoyBootstrap withInitialFetchTimeout(Duration timeout) {
    return new EnvoyBootstrap(
        nodeId, nodeCluster, xdsPort, protocol, Optional.of(timeout), staticListeners, statsConfig);
  }

  public EnvoyBootstrap withStaticListener(StaticListener listener) {
    List<StaticListener> listeners = new ArrayList<>(staticListeners);
    listeners.add(listener);
    return new EnvoyBootstrap(
        nodeId, nodeCluster, xdsPort, protocol, initialFetchTimeout, listeners, statsConfig);
  }

  /** The {@code stats_config} of docs/envoy-bootstrap.yaml, the bootstrap Gatewire ships. */
  public static Object shippedStatsConfig() {
    try {
      return new ObjectMapper(new YAMLFactory())
          .readValue(RepoRoot.find().resolve("docs/envoy-bootstrap.yaml").toFile(), Map.class)
          .get("stats_config");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code stats_config} as given (a tree of maps and lists, such as the one in the Envoy bootstrap
   * Gatewire ships); none by default.
   */
  public EnvoyBootstrap withStatsConfig(Object config) {
    return new EnvoyBootstrap(
        nodeId,
        nodeCluster,
        xdsPort,
        protocol,
        initialFetchTimeout,
        staticListeners,
        Optional.of(config));
  }

  /**
   * A listener in the bootstrap on {@code 127.0.0.1:port} whose HTTP connection manager takes the
   * route configuration {@code routeConfigName} from the xDS server (so requests take the served
   * routes, clusters and endpoints) and writes one access log line per request to stdout in {@code
   * accessLogFormat} (Envoy's substitution format; {@code %CEL(...)%} works).
   */
  public record StaticListener(
      String name, int port, String routeConfigName, String accessLogFormat) {
    Map<String, Object> tree() {
      Map<String, Object> accessLog =
          Map.of(
              "name",
              "envoy.access_loggers.stdout",
              "typed_config",
              Map.of(
                  "@type",
                  "type.googleapis.com/envoy.extensions.access_loggers.stream.v3.StdoutAccessLog",
                  "log_format",
                  Map.of(
                      "text_format_source",
                      Map.of("inline_string", accessLogFormat + "\n"),
                      "formatters",
                      List.of(
                          Map.of(
                              "name",
                              "envoy.formatter.cel",
                              "typed_config",
                              Map.of(
                                  "@type",
                                  "type.googleapis.com/envoy.extensions.formatter.cel.v3.Cel"))))));
      Map<String, Object> manager = new LinkedHashMap<>();
      manager.put(
          "@type",
          "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager");
      manager.put("stat_prefix", name);
      manager.put(
          "rds",
          Map.of(
              "config_source",
              Map.of("ads", Map.of(), "resource_api_version", "V3"),
              "route_config_name",
              routeConfigName));
      manager.put(
          "http_filters",
          List.of(
              Map.of(
                  "name",
                  "envoy.filters.http.router",
                  "typed_config",
                  Map.of(
                      "@type",
                      "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router"))));
      manager.put("access_log", List.of(accessLog));
      return Map.of(
          "name",
          name,
          "address",
          socketAddress(port),
          "filter_chains",
          List.of(
              Map.of(
                  "filters",
                  List.of(
                      Map.of(
                          "name",
                          "envoy.filters.network.http_connection_manager",
                          "typed_config",
                          manager)))));
    }
  }

  /** The bootstrap as YAML, with the admin interface on {@code 127.0.0.1:adminPort}. */
  String yaml(int adminPort) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put(
        "node",
        Map.of("id", nodeId, "cluster", nodeCluster, "locality", Map.of("zone", nodeCluster)));
    statsConfig.ifPresent(config -> root.put("stats_config", config));
    root.put("admin", Map.of("address", socketAddress(adminPort)));
    Map<String, Object> dynamic = new LinkedHashMap<>();
    dynamic.put(
        "ads_config",
        Map.of(
            "api_type",
            protocol.apiType,
            "transport_api_version",
            "V3",
            "set_node_on_first_message_only",
            true,
            "grpc_services",
            List.of(Map.of("envoy_grpc", Map.of("cluster_name", XDS_CLUSTER)))));
    dynamic.put("cds_config", adsSource());
    dynamic.put("lds_config", adsSource());
    root.put("dynamic_resources", dynamic);
    Map<String, Object> statics = new LinkedHashMap<>();
    statics.put("clusters", List.of(xdsCluster()));
    if (!staticListeners.isEmpty()) {
      statics.put("listeners", staticListeners.stream().map(StaticListener::tree).toList());
    }
    root.put("static_resources", statics);
    try {
      return new ObjectMapper(new YAMLFactory()).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> adsSource() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("ads", Map.of());
    source.put("resource_api_version", "V3");
    initialFetchTimeout.ifPresent(
        timeout ->
            source.put(
                "initial_fetch_timeout",
                BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString()
                    + "s"));
    return source;
  }

  private Map<String, Object> xdsCluster() {
    return Map.of(
        "name",
        XDS_CLUSTER,
        "type",
        "STATIC",
        "connect_timeout",
        "1s",
        "typed_extension_protocol_options",
        Map.of(
            "envoy.extensions.upstreams.http.v3.HttpProtocolOptions",
            Map.of(
                "@type",
                "type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions",
                "explicit_http_config",
                Map.of("http2_protocol_options", Map.of()))),
        "load_assignment",
        Map.of(
            "cluster_name",
            XDS_CLUSTER,
            "endpoints",
            List.of(
                Map.of(
                    "lb_endpoints",
                    List.of(Map.of("endpoint", Map.of("address", socketAddress(xdsPort))))))));
  }

  private static Map<String, Object> socketAddress(int port) {
    return Map.of("socket_address", Map.of("address", "127.0.0.1", "port_value", port));
  }
}
