package io.gatewire.adapters.xds.mapping;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.gatewire.adapters.xds.ListenerBinding;
import io.gatewire.adapters.xds.proto.TypedConfigs;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrListener.IrTlsChain;

/**
 * {@link IrListener} as an Envoy Listener: a plain HTTP filter chain when the listener has a route
 * configuration, one TLS-terminating chain per {@link IrTlsChain} and one {@code tcp_proxy} chain
 * per proxy chain, selected by SNI (hence the TLS inspector); a UDP listener is a UDP socket with
 * the {@code udp_proxy} listener filter and no filter chain. No metadata, on purpose: a listener is
 * shared by several Gateway listeners, and changing its metadata would drain its connections
 * (docs/metadata.md).
 */
public final class ListenerMapper {
  static final String TLS_INSPECTOR_NAME = "envoy.filters.listener.tls_inspector";

  private final ListenerBinding binding;

  public ListenerMapper() {
    this(ListenerBinding.AS_GATEWAY);
  }

  /** Listeners bound as {@code binding} says rather than where the Gateway says. */
  public ListenerMapper(ListenerBinding binding) {
    this.binding = binding;
  }

  public Listener map(IrListener listener) {
    if (listener.udpCluster() != null) {
      return Listener.newBuilder()
          .setName(listener.name())
          .setAddress(
              SocketAddresses.udp(
                  binding.address(listener.address()), binding.port(listener.port())))
          .addListenerFilters(L4Proxies.udpProxy(listener.name(), listener.udpCluster()))
          .build();
    }
    Listener.Builder builder =
        Listener.newBuilder()
            .setName(listener.name())
            .setAddress(
                SocketAddresses.tcp(
                    binding.address(listener.address()), binding.port(listener.port())));
    if (listener.routeConfigName() != null) {
      builder.addFilterChains(
          FilterChain.newBuilder()
              .addFilters(HttpConnectionManagers.rds(listener.name(), listener.routeConfigName())));
    }
    boolean tls =
        !listener.tlsChains().isEmpty()
            || listener.proxyChains().stream()
                .anyMatch(
                    chain -> !chain.serverNames().isEmpty() || !chain.secretNames().isEmpty());
    if (tls) {
      builder.addListenerFilters(
          ListenerFilter.newBuilder()
              .setName(TLS_INSPECTOR_NAME)
              .setTypedConfig(TypedConfigs.pack(TlsInspector.getDefaultInstance())));
    }
    listener.tlsChains().forEach(chain -> builder.addFilterChains(tlsChain(chain)));
    listener.proxyChains().forEach(chain -> builder.addFilterChains(L4Proxies.chain(chain)));
    return builder.build();
  }

  private static FilterChain tlsChain(IrTlsChain chain) {
    return FilterChain.newBuilder()
        .setName(chain.name())
        .setFilterChainMatch(FilterChainMatch.newBuilder().addAllServerNames(chain.serverNames()))
        .addFilters(HttpConnectionManagers.rds(chain.routeConfigName(), chain.routeConfigName()))
        .setTransportSocket(DownstreamTls.transportSocket(chain.secretNames()))
        .build();
  }
}
