package io.gatewire.adapters.xds.mapping;

import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.cluster.v3.Cluster.CommonLbConfig;
import io.envoyproxy.envoy.config.cluster.v3.Cluster.DiscoveryType;
import io.envoyproxy.envoy.config.cluster.v3.Cluster.DnsLookupFamily;
import io.envoyproxy.envoy.config.cluster.v3.Cluster.EdsClusterConfig;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions.ExplicitHttpConfig;
import io.gatewire.adapters.xds.proto.TypedConfigs;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.settings.TracingSpec;

/**
 * {@link IrCluster} as an Envoy Cluster: EDS over ADS (service name = cluster name) or STRICT_DNS
 * with the endpoints inline; locality-weighted load balancing so backendRef weights hold; HTTP/2
 * upstream when the IR asks for it; the route (rule) it serves as metadata. An EDS cluster does not
 * show its endpoints, which travel in its ClusterLoadAssignment ({@link #sameCluster}).
 */
public final class ClusterMapper {
  static final Duration CONNECT_TIMEOUT = Duration.newBuilder().setSeconds(10).build();
  static final String HTTP_PROTOCOL_OPTIONS =
      "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

  private final MetadataMapper metadata;
  private final EndpointMapper endpoints;

  public ClusterMapper(MetadataMapper metadata, EndpointMapper endpoints) {
    this.metadata = metadata;
    this.endpoints = endpoints;
  }

  /** Whether two IR clusters map to the same Cluster: equal but for an EDS cluster's localities. */
  public static boolean sameCluster(IrCluster a, IrCluster b) {
    return a == b
        || (a.name().equals(b.name())
            && a.discovery() == b.discovery()
            && a.protocol() == b.protocol()
            && a.metadata().equals(b.metadata())
            && (a.discovery() == IrCluster.Discovery.EDS || a.localities().equals(b.localities())));
  }

  /** The cluster of an OpenTelemetry collector (see {@link Tracings}). */
  public Cluster collector(TracingSpec.Collector collector) {
    return Tracings.collectorCluster(collector);
  }

  public Cluster map(IrCluster cluster) {
    Cluster.Builder builder =
        Cluster.newBuilder()
            .setName(cluster.name())
            .setConnectTimeout(CONNECT_TIMEOUT)
            .setCommonLbConfig(
                CommonLbConfig.newBuilder()
                    .setLocalityWeightedLbConfig(
                        CommonLbConfig.LocalityWeightedLbConfig.getDefaultInstance()));
    if (cluster.discovery() == IrCluster.Discovery.EDS) {
      builder
          .setType(DiscoveryType.EDS)
          .setEdsClusterConfig(
              EdsClusterConfig.newBuilder()
                  .setEdsConfig(ConfigSources.ads())
                  .setServiceName(cluster.name()));
    } else {
      builder
          .setType(DiscoveryType.STRICT_DNS)
          .setDnsLookupFamily(DnsLookupFamily.V4_PREFERRED)
          .setLoadAssignment(endpoints.map(cluster));
    }
    if (cluster.protocol() == IrCluster.Protocol.HTTP2) {
      HttpProtocolOptions http2 =
          HttpProtocolOptions.newBuilder()
              .setExplicitHttpConfig(
                  ExplicitHttpConfig.newBuilder()
                      .setHttp2ProtocolOptions(Http2ProtocolOptions.getDefaultInstance()))
              .build();
      builder.putTypedExtensionProtocolOptions(HTTP_PROTOCOL_OPTIONS, TypedConfigs.pack(http2));
    }
    metadata.map(cluster.metadata()).ifPresent(builder::setMetadata);
    return builder.build();
  }
}
