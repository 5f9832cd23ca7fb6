package io.gatewire.adapters.xds.mapping;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.gatewire.adapters.xds.proto.TypedConfigs;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrListener.IrTlsChain;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.settings.GatewaySettings;
import java.util.List;

/**
 * {@link IrListener} as an Envoy Listener: a plain HTTP filter chain when the listener has a route
 * configuration, one TLS-terminating chain per {@link IrTlsChain} and one {@code tcp_proxy} chain
 * per proxy chain, selected by SNI (hence the TLS inspector); a UDP listener is a UDP socket with
 * the {@code udp_proxy} listener filter and no filter chain. Every connection manager, proxy chain
 * and UDP proxy writes the Gateway's access log ({@link AccessLogs}); connection managers trace as
 * the Gateway says ({@link Tracings}). No metadata, on purpose: a listener is shared by several
 * Gateway listeners, and changing its metadata would drain its connections (docs/metadata.md).
 */
public final class ListenerMapper {
  static final String TLS_INSPECTOR_NAME = "envoy.filters.listener.tls_inspector";

  private final ListenerBinding binding;
  private final AccessLogs accessLogs;
  private final Tracings tracings;

  public ListenerMapper() {
    this(ListenerBinding.AS_GATEWAY, MetadataOptions.DEFAULTS);
  }

  /**
   * Listeners bound as {@code binding} says rather than where the Gateway says, whose access logs
   * and spans read metadata as {@code metadata} emits it.
   */
  public ListenerMapper(ListenerBinding binding, MetadataOptions metadata) {
    this.binding = binding;
    this.accessLogs = new AccessLogs(metadata.namespace());
    this.tracings = new Tracings(metadata.namespace(), metadata.endpointMetadata());
  }

  /** The listener with the default settings. */
  public Listener map(IrListener listener) {
    return map(listener, new GatewayContext("", "", GatewaySettings.DEFAULTS));
  }

  /** The listener of a Gateway, with that Gateway's settings. */
  public Listener map(IrListener listener, GatewayContext gateway) {

    if (listener.udpCluster() != null) {
      return Listener.newBuilder()
          .setName(listener.name())
          .setAddress(
              SocketAddresses.udp(
                  binding.address(listener.address()), binding.port(listener.port())))
          .addListenerFilters(
              L4Proxies.udpProxy(
                  listener.name(),
                  listener.udpCluster(),
                  listener.proxyChains().isEmpty()
                      ? List.of()
                      : accessLogs.proxy(gateway, listener.proxyChains().get(0), true)))
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
              .addFilters(
                  HttpConnectionManagers.rds(
                      listener.name(),
                      listener.routeConfigName(),
                      gateway,
                      observability(gateway, null))));
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
    listener.tlsChains().forEach(chain -> builder.addFilterChains(tlsChain(chain, gateway)));
    listener
        .proxyChains()
        .forEach(
            chain ->
                builder.addFilterChains(
                    L4Proxies.chain(chain, accessLogs.proxy(gateway, chain, false))));
    return builder.build();
  }

  /** The access log and tracing of a connection manager serving {@code listener} (null: many). */
  private HttpConnectionManagers.Observability observability(
      GatewayContext gateway, String listener) {
    return new HttpConnectionManagers.Observability(
        accessLogs.http(gateway, listener), tracings.connectionManager(gateway));
  }

  private FilterChain tlsChain(IrTlsChain chain, GatewayContext gateway) {
    return FilterChain.newBuilder()
        .setName(chain.name())
        .setFilterChainMatch(FilterChainMatch.newBuilder().addAllServerNames(chain.serverNames()))
        .addFilters(
            HttpConnectionManagers.rds(
                chain.routeConfigName(),
                chain.routeConfigName(),
                gateway,
                observability(gateway, chain.name())))
        .setTransportSocket(DownstreamTls.transportSocket(chain.secretNames()))
        .build();
  }
}
