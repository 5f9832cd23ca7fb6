package io.gatewire.adapters.xds.mapping;

import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.trace.v3.OpenTelemetryConfig;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.type.metadata.v3.MetadataKey;
import io.envoyproxy.envoy.type.metadata.v3.MetadataKind;
import io.envoyproxy.envoy.type.tracing.v3.CustomTag;
import io.envoyproxy.envoy.type.v3.FractionalPercent;
import io.envoyproxy.envoy.type.v3.Percent;
import io.gatewire.adapters.xds.proto.TypedConfigs;
import io.gatewire.domain.ir.IrRoute;
import io.gatewire.domain.ir.IrVirtualHost;
import io.gatewire.domain.metadata.ResourceOrigin;
import io.gatewire.domain.settings.GatewaySettings;
import io.gatewire.domain.settings.TracingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OpenTelemetry tracing (docs/observability.md): the connection manager sends spans over OTLP/gRPC
 * to a cluster Gatewire emits for the collector ({@code gatewire/otlp/<host>/<port>}), samples the
 * Gateway's share of requests, and tags every span with the Gateway; each route adds literal tags
 * naming its listener, route and rule (a route's tags are the only per-route cost of tracing).
 * Envoy can tag a span with the backend only from the upstream host's metadata, so {@code
 * gatewire.backend} is there only with {@code --endpoint-metadata}; locality metadata, where
 * Gatewire names backends by default, is out of reach of span tags.
 */
final class Tracings {
  static final String TRACER_NAME = "envoy.tracers.opentelemetry";
  static final String CLUSTER_PREFIX = "gatewire/otlp/";
  static final String TAG_PREFIX = "gatewire.";

  private final String metadataNamespace;
  private final boolean endpointMetadata;

  Tracings(String metadataNamespace, boolean endpointMetadata) {
    this.metadataNamespace = metadataNamespace;
    this.endpointMetadata = endpointMetadata;
  }

  /** The name of the cluster of {@code collector}. */
  static String clusterName(TracingSpec.Collector collector) {
    return CLUSTER_PREFIX + collector.host() + "/" + collector.port();
  }

  /** The connection manager's tracing for {@code gateway}; null when it does not trace. */
  HttpConnectionManager.Tracing connectionManager(GatewayContext gateway) {
    GatewaySettings.Tracing tracing = gateway.settings().tracing();
    if (!tracing.enabled()) {
      return null;
    }
    OpenTelemetryConfig exporter =
        OpenTelemetryConfig.newBuilder()
            .setGrpcService(
                GrpcService.newBuilder()
                    .setEnvoyGrpc(
                        GrpcService.EnvoyGrpc.newBuilder()
                            .setClusterName(clusterName(tracing.collector()))))
            .setServiceName(
                tracing.serviceName() != null
                    ? tracing.serviceName()
                    : gateway.namespace() + "/" + gateway.name())
            .build();
    HttpConnectionManager.Tracing.Builder builder =
        HttpConnectionManager.Tracing.newBuilder()
            .setRandomSampling(Percent.newBuilder().setValue(tracing.samplingPercent()))
            .setProvider(
                io.envoyproxy.envoy.config.trace.v3.Tracing.Http.newBuilder()
                    .setName(TRACER_NAME)
                    .setTypedConfig(TypedConfigs.pack(exporter)))
            .addCustomTags(literal("gateway.namespace", gateway.namespace()))
            .addCustomTags(literal("gateway.name", gateway.name()));
    if (endpointMetadata) {
      builder.addCustomTags(
          CustomTag.newBuilder()
              .setTag(TAG_PREFIX + "backend")
              .setMetadata(
                  CustomTag.Metadata.newBuilder()
                      .setKind(
                          MetadataKind.newBuilder().setHost(MetadataKind.Host.getDefaultInstance()))
                      .setMetadataKey(
                          MetadataKey.newBuilder()
                              .setKey(metadataNamespace)
                              .addPath(
                                  MetadataKey.PathSegment.newBuilder()
                                      .setKey(MetadataMapper.RESOURCES)))));
    }
    return builder.build();
  }

  /**
   * A route's tracing when its Gateway traces: its origin as literal tags, and the Gateway's
   * sampling (a route's tracing replaces the connection manager's sampling, which would otherwise
   * become 100%). Empty for a route that names no origin (a 421 answer).
   */
  Optional<io.envoyproxy.envoy.config.route.v3.Tracing> route(
      IrRoute route, IrVirtualHost host, GatewaySettings.Tracing tracing) {
    if (!tracing.enabled() || route.metadata().isEmpty()) {
      return Optional.empty();
    }
    ResourceOrigin origin = route.metadata().resources().get(0);
    List<CustomTag> tags = new ArrayList<>();
    if (!host.metadata().isEmpty() && host.metadata().resources().get(0).sectionName() != null) {
      tags.add(literal("listener", host.metadata().resources().get(0).sectionName()));
    }
    tags.add(literal("route.kind", origin.kind()));
    tags.add(literal("route.namespace", origin.namespace()));
    tags.add(literal("route.name", origin.name()));
    RouteNames.ruleIndex(route.name()).ifPresent(i -> tags.add(literal("route.rule", i)));
    if (origin.sectionName() != null) {
      tags.add(literal("route.rule_name", origin.sectionName()));
    }
    return Optional.of(
        io.envoyproxy.envoy.config.route.v3.Tracing.newBuilder()
            .setRandomSampling(perMillion(tracing.samplingPercent()))
            .addAllCustomTags(tags)
            .build());
  }

  /** The cluster that reaches {@code collector} over HTTP/2 (DNS or an address). */
  static Cluster collectorCluster(TracingSpec.Collector collector) {
    String name = clusterName(collector);
    HttpProtocolOptions http2 =
        HttpProtocolOptions.newBuilder()
            .setExplicitHttpConfig(
                HttpProtocolOptions.ExplicitHttpConfig.newBuilder()
                    .setHttp2ProtocolOptions(Http2ProtocolOptions.getDefaultInstance()))
            .build();
    return Cluster.newBuilder()
        .setName(name)
        .setType(Cluster.DiscoveryType.STRICT_DNS)
        .setDnsLookupFamily(Cluster.DnsLookupFamily.V4_PREFERRED)
        .setConnectTimeout(ClusterMapper.CONNECT_TIMEOUT)
        .putTypedExtensionProtocolOptions(
            ClusterMapper.HTTP_PROTOCOL_OPTIONS, TypedConfigs.pack(http2))
        .setLoadAssignment(
            ClusterLoadAssignment.newBuilder()
                .setClusterName(name)
                .addEndpoints(
                    LocalityLbEndpoints.newBuilder()
                        .addLbEndpoints(
                            LbEndpoint.newBuilder()
                                .setEndpoint(
                                    Endpoint.newBuilder()
                                        .setAddress(
                                            SocketAddresses.tcp(
                                                collector.host(), collector.port())))
                                .setLoadBalancingWeight(UInt32Value.of(1)))))
        .build();
  }

  private static FractionalPercent perMillion(double percent) {
    return FractionalPercent.newBuilder()
        .setNumerator((int) Math.round(percent * 10_000))
        .setDenominator(FractionalPercent.DenominatorType.MILLION)
        .build();
  }

  private static CustomTag literal(String tag, String value) {
    return CustomTag.newBuilder()
        .setTag(TAG_PREFIX + tag)
        .setLiteral(CustomTag.Literal.newBuilder().setValue(value))
        .build();
  }
}
