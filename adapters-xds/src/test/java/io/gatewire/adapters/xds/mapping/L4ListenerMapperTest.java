package io.gatewire.adapters.xds.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.xds.core.v3.TypedExtensionConfig;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.filters.udp.udp_proxy.v3.Route;
import io.envoyproxy.envoy.extensions.filters.udp.udp_proxy.v3.UdpProxyConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrListener.IrProxyChain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TLS, TCP and UDP listeners: tcp_proxy filter chains and the udp_proxy listener filter. */
class L4ListenerMapperTest {
  private final ListenerMapper mapper = new ListenerMapper();

  @Test
  void tcpChain_isOneTcpProxyToTheCluster_withoutMatchTlsOrListenerFilter() throws Exception {
    Listener listener =
        mapper.map(
            new IrListener(
                "ns/gw/5432",
                "0.0.0.0",
                5432,
                null,
                List.of(),
                List.of(
                    new IrProxyChain(
                        "db/tcproute/ns/pg", List.of(), List.of(), "tcproute/ns/pg/rule/0")),
                null));

    assertThat(listener.getAddress().getSocketAddress().getProtocol())
        .isEqualTo(SocketAddress.Protocol.TCP);
    assertThat(listener.getListenerFiltersList()).isEmpty();
    FilterChain chain = listener.getFilterChains(0);
    assertThat(chain.getName()).isEqualTo("db/tcproute/ns/pg");
    assertThat(chain.hasFilterChainMatch()).isFalse();
    assertThat(chain.hasTransportSocket()).isFalse();
    TcpProxy proxy = tcpProxy(chain);
    assertThat(proxy.getStatPrefix()).isEqualTo("db/tcproute/ns/pg");
    assertThat(proxy.getCluster()).isEqualTo("tcproute/ns/pg/rule/0");
  }

  @Test
  void passthroughChains_selectBySni_behindTheTlsInspector_withoutTermination() throws Exception {
    Listener listener =
        mapper.map(
            new IrListener(
                "ns/gw/8443",
                "0.0.0.0",
                8443,
                null,
                List.of(),
                List.of(
                    new IrProxyChain(
                        "tls/tlsroute/ns/a",
                        List.of("a.example.com"),
                        List.of(),
                        "tlsroute/ns/a/rule/0"),
                    new IrProxyChain(
                        "tls/tlsroute/ns/b",
                        List.of("b.example.com"),
                        List.of(),
                        "tlsroute/ns/b/rule/0")),
                null));

    assertThat(listener.getListenerFiltersList())
        .extracting(ListenerFilter::getName)
        .containsExactly("envoy.filters.listener.tls_inspector");
    assertThat(listener.getFilterChainsList())
        .extracting(c -> c.getFilterChainMatch().getServerNames(0))
        .containsExactly("a.example.com", "b.example.com");
    assertThat(listener.getFilterChainsList())
        .allSatisfy(c -> assertThat(c.hasTransportSocket()).isFalse());
    assertThat(tcpProxy(listener.getFilterChains(1)).getCluster())
        .isEqualTo("tlsroute/ns/b/rule/0");
  }

  @Test
  void terminateChain_endsTlsWithSdsCertificates_andOffersNoAlpn() throws Exception {
    Listener listener =
        mapper.map(
            new IrListener(
                "ns/gw/9443",
                "0.0.0.0",
                9443,
                null,
                List.of(),
                List.of(
                    new IrProxyChain(
                        "tls/tlsroute/ns/a",
                        List.of("a.example.com"),
                        List.of("ns/cert"),
                        "tlsroute/ns/a/rule/0")),
                null));

    FilterChain chain = listener.getFilterChains(0);
    DownstreamTlsContext tls =
        chain.getTransportSocket().getTypedConfig().unpack(DownstreamTlsContext.class);
    assertThat(tls.getCommonTlsContext().getAlpnProtocolsList()).isEmpty();
    assertThat(tls.getCommonTlsContext().getTlsCertificateSdsSecretConfigsList())
        .extracting(SdsSecretConfig::getName)
        .containsExactly("ns/cert");
    assertThat(tcpProxy(chain).getCluster()).isEqualTo("tlsroute/ns/a/rule/0");
    assertThat(listener.getListenerFiltersList()).hasSize(1);
  }

  @Test
  void udpListener_isAUdpSocketWithTheUdpProxyRoutingEveryDatagramToTheCluster() throws Exception {
    Listener listener =
        mapper.map(
            new IrListener(
                "ns/gw/5353/udp",
                "0.0.0.0",
                5353,
                null,
                List.of(),
                List.of(),
                "udproute/ns/dns/rule/0"));

    assertThat(listener.getAddress().getSocketAddress().getProtocol())
        .isEqualTo(SocketAddress.Protocol.UDP);
    assertThat(listener.getAddress().getSocketAddress().getPortValue()).isEqualTo(5353);
    assertThat(listener.getFilterChainsList()).isEmpty();
    ListenerFilter filter = listener.getListenerFilters(0);
    assertThat(filter.getName()).isEqualTo("envoy.filters.udp_listener.udp_proxy");
    UdpProxyConfig udp = filter.getTypedConfig().unpack(UdpProxyConfig.class);
    assertThat(udp.getStatPrefix()).isEqualTo("ns/gw/5353/udp");
    TypedExtensionConfig action = udp.getMatcher().getOnNoMatch().getAction();
    assertThat(action.getName()).isEqualTo("route");
    assertThat(action.getTypedConfig().unpack(Route.class).getCluster())
        .isEqualTo("udproute/ns/dns/rule/0");
    assertThat(listener.hasMetadata()).isFalse();
  }

  private static TcpProxy tcpProxy(FilterChain chain) throws Exception {
    assertThat(chain.getFiltersList()).hasSize(1);
    assertThat(chain.getFilters(0).getName()).isEqualTo("envoy.filters.network.tcp_proxy");
    return chain.getFilters(0).getTypedConfig().unpack(TcpProxy.class);
  }
}
