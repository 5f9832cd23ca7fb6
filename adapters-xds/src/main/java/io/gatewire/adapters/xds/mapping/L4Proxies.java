package io.gatewire.adapters.xds.mapping;

import com.github.xds.core.v3.TypedExtensionConfig;
import com.github.xds.type.matcher.v3.Matcher;
import io.envoyproxy.envoy.config.accesslog.v3.AccessLog;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.filters.udp.udp_proxy.v3.Route;
import io.envoyproxy.envoy.extensions.filters.udp.udp_proxy.v3.UdpProxyConfig;
import io.gatewire.adapters.xds.proto.TypedConfigs;
import io.gatewire.domain.ir.IrListener.IrProxyChain;
import java.util.List;

/**
 * Connection and datagram forwarding, as Envoy Gateway builds it: a TLSRoute or TCPRoute chain is a
 * {@code tcp_proxy} to the route's cluster (behind TLS termination when the chain has certificates,
 * offering no ALPN since the bytes are not HTTP); a UDP listener runs {@code udp_proxy} as its
 * listener filter, routing every datagram through a matcher whose {@code on_no_match} names the
 * cluster (the plain {@code cluster} field is deprecated in the 1.0.49 API). Both write the access
 * log they are given, one line per connection or UDP session (at its end).
 */
final class L4Proxies {
  static final String TCP_PROXY_NAME = "envoy.filters.network.tcp_proxy";
  static final String UDP_PROXY_NAME = "envoy.filters.udp_listener.udp_proxy";
  static final String UDP_ROUTE_ACTION_NAME = "route";

  private L4Proxies() {}

  static FilterChain chain(IrProxyChain chain, List<AccessLog> accessLogs) {
    FilterChain.Builder builder =
        FilterChain.newBuilder()
            .setName(chain.name())
            .addFilters(
                Filter.newBuilder()
                    .setName(TCP_PROXY_NAME)
                    .setTypedConfig(TypedConfigs.pack(tcpProxy(chain, accessLogs))));
    if (!chain.serverNames().isEmpty()) {
      builder.setFilterChainMatch(
          FilterChainMatch.newBuilder().addAllServerNames(chain.serverNames()));
    }
    if (!chain.secretNames().isEmpty()) {
      builder.setTransportSocket(DownstreamTls.transportSocket(chain.secretNames(), List.of()));
    }
    return builder.build();
  }

  /**
   * The chain's cluster; when some backendRefs are invalid, a weighted split that sends their share
   * to a cluster that does not exist, so Envoy closes those connections (the Gateway API's
   * "reject").
   */
  private static TcpProxy tcpProxy(IrProxyChain chain, List<AccessLog> accessLogs) {
    TcpProxy.Builder proxy =
        TcpProxy.newBuilder().setStatPrefix(chain.name()).addAllAccessLog(accessLogs);
    if (chain.invalidWeight() == 0 || chain.backendWeight() == 0) {
      return proxy.setCluster(chain.cluster()).build();
    }
    return proxy
        .setWeightedClusters(
            TcpProxy.WeightedCluster.newBuilder()
                .addClusters(clusterWeight(chain.cluster(), chain.backendWeight()))
                .addClusters(
                    clusterWeight(
                        RouteActionMapper.INVALID_BACKEND_CLUSTER, chain.invalidWeight())))
        .build();
  }

  private static TcpProxy.WeightedCluster.ClusterWeight clusterWeight(String cluster, long weight) {
    return TcpProxy.WeightedCluster.ClusterWeight.newBuilder()
        .setName(cluster)
        .setWeight(Math.toIntExact(weight))
        .build();
  }

  static ListenerFilter udpProxy(String statPrefix, String cluster, List<AccessLog> accessLogs) {
    Matcher matcher =
        Matcher.newBuilder()
            .setOnNoMatch(
                Matcher.OnMatch.newBuilder()
                    .setAction(
                        TypedExtensionConfig.newBuilder()
                            .setName(UDP_ROUTE_ACTION_NAME)
                            .setTypedConfig(
                                TypedConfigs.pack(Route.newBuilder().setCluster(cluster).build()))))
            .build();
    UdpProxyConfig udp =
        UdpProxyConfig.newBuilder()
            .setStatPrefix(statPrefix)
            .setMatcher(matcher)
            .addAllAccessLog(accessLogs)
            .build();
    return ListenerFilter.newBuilder()
        .setName(UDP_PROXY_NAME)
        .setTypedConfig(TypedConfigs.pack(udp))
        .build();
  }
}
