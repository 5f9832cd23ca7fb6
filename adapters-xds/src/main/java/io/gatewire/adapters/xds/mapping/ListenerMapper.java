package io.gatewire.adapters.xds.mapping;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.gatewire.adapters.xds.proto.TypedConfigs;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrListener.IrTlsChain;

/**
 * {@link IrListener} as an Envoy Listener: a plain HTTP filter chain when the listener has a route
 * configuration, and one TLS-terminating chain per {@link IrTlsChain}, selected by SNI (hence the TLS
 * inspector). No metadata, on purpose: a listener is shared by several Gateway listeners, and
 * changing its metadata would drain its connections (METADATA.md).
 */
public final class ListenerMapper {
  static final String TLS_INSPECTOR_NAME = "envoy.filters.listener.tls_inspector";

  public Listener map(IrListener listener) {
    Listener.Builder builder = Listener.newBuilder()
        .setName(listener.name())
        .setAddress(SocketAddresses.tcp(listener.address(), listener.port()));
    if (listener.routeConfigName() != null) {
      builder.addFilterChains(FilterChain.newBuilder()
          .addFilters(HttpConnectionManagers.rds(listener.name(), listener.routeConfigName())));
    }
    if (!listener.tlsChains().isEmpty()) {
      builder.addListenerFilters(ListenerFilter.newBuilder()
          .setName(TLS_INSPECTOR_NAME)
          .setTypedConfig(TypedConfigs.pack(TlsInspector.getDefaultInstance())));
    }
    listener.tlsChains().forEach(chain -> builder.addFilterChains(tlsChain(chain)));
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
