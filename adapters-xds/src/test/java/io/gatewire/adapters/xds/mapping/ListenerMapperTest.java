package io.gatewire.adapters.xds.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.Cors;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.ir.IrListener.IrTlsChain;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerMapperTest {
  private final ListenerMapper mapper = new ListenerMapper();

  @Test
  void httpListener_getsOneChainWithAConnectionManagerUsingRdsOverAds() throws Exception {
    Listener listener =
        mapper.map(new IrListener("ns/gw/http", "0.0.0.0", 8080, "ns/gw/http", List.of()));

    assertThat(listener.getName()).isEqualTo("ns/gw/http");
    assertThat(listener.getAddress().getSocketAddress().getAddress()).isEqualTo("0.0.0.0");
    assertThat(listener.getAddress().getSocketAddress().getPortValue()).isEqualTo(8080);
    assertThat(listener.getListenerFiltersList()).isEmpty();
    assertThat(listener.getFilterChainsList()).hasSize(1);
    FilterChain chain = listener.getFilterChains(0);
    assertThat(chain.hasFilterChainMatch()).isFalse();
    assertThat(chain.hasTransportSocket()).isFalse();
    HttpConnectionManager hcm = hcm(chain);
    assertThat(hcm.getStatPrefix()).isEqualTo("ns/gw/http");
    assertThat(hcm.getRds().getRouteConfigName()).isEqualTo("ns/gw/http");
    assertThat(hcm.getRds().getConfigSource().hasAds()).isTrue();
    assertThat(hcm.getRds().getConfigSource().getResourceApiVersion()).isEqualTo(ApiVersion.V3);
    assertThat(hcm.getHttpFiltersList()).hasSize(2);
    assertThat(hcm.getHttpFilters(0).getName()).isEqualTo("envoy.filters.http.cors");
    assertThat(hcm.getHttpFilters(0).getTypedConfig().is(Cors.class)).isTrue();
    assertThat(hcm.getHttpFilters(0).getIsOptional()).isTrue();
    assertThat(hcm.getHttpFilters(1).getName()).isEqualTo("envoy.filters.http.router");
    assertThat(hcm.getHttpFilters(1).getTypedConfig().is(Router.class)).isTrue();
  }

  @Test
  void httpsListener_getsATlsChainPerServerNameWithSdsCertificates() throws Exception {
    Listener listener =
        mapper.map(
            new IrListener(
                "ns/gw/https",
                "0.0.0.0",
                8443,
                null,
                List.of(
                    new IrTlsChain(
                        "ns/gw/https/a",
                        List.of("a.example.com", "*.a.example.com"),
                        List.of("ns/cert-a", "ns/cert-b"),
                        "ns/gw/https/a"),
                    new IrTlsChain(
                        "ns/gw/https/b",
                        List.of("b.example.com"),
                        List.of("ns/cert-c"),
                        "ns/gw/https/b"))));

    assertThat(listener.getListenerFiltersList())
        .singleElement()
        .satisfies(
            filter -> {
              assertThat(filter.getName()).isEqualTo("envoy.filters.listener.tls_inspector");
              assertThat(filter.getTypedConfig().is(TlsInspector.class)).isTrue();
            });
    assertThat(listener.getFilterChainsList())
        .extracting(FilterChain::getName)
        .containsExactly("ns/gw/https/a", "ns/gw/https/b");
    FilterChain chain = listener.getFilterChains(0);
    assertThat(chain.getFilterChainMatch().getServerNamesList())
        .containsExactly("a.example.com", "*.a.example.com");
    assertThat(hcm(chain).getRds().getRouteConfigName()).isEqualTo("ns/gw/https/a");
    assertThat(chain.getTransportSocket().getName()).isEqualTo("envoy.transport_sockets.tls");
    DownstreamTlsContext tls =
        chain.getTransportSocket().getTypedConfig().unpack(DownstreamTlsContext.class);
    assertThat(tls.getCommonTlsContext().getAlpnProtocolsList()).containsExactly("h2", "http/1.1");
    assertThat(tls.getCommonTlsContext().getTlsCertificateSdsSecretConfigsList())
        .extracting(SdsSecretConfig::getName)
        .containsExactly("ns/cert-a", "ns/cert-b");
    assertThat(
            tls.getCommonTlsContext().getTlsCertificateSdsSecretConfigs(0).getSdsConfig().hasAds())
        .isTrue();
    assertThat(
            tls.getCommonTlsContext()
                .getTlsCertificateSdsSecretConfigs(0)
                .getSdsConfig()
                .getResourceApiVersion())
        .isEqualTo(ApiVersion.V3);
  }

  @Test
  void listenersAndFilterChains_carryNoMetadata() {
    Listener listener =
        mapper.map(
            new IrListener(
                "l",
                "0.0.0.0",
                443,
                "plain",
                List.of(new IrTlsChain("c", List.of("a.example.com"), List.of("ns/s"), "tls"))));

    assertThat(listener.hasMetadata()).isFalse();
    assertThat(listener.getFilterChainsList())
        .hasSize(2)
        .allSatisfy(chain -> assertThat(chain.hasMetadata()).isFalse());
  }

  private static HttpConnectionManager hcm(FilterChain chain) throws Exception {
    Filter filter = chain.getFilters(0);
    assertThat(filter.getName()).isEqualTo("envoy.filters.network.http_connection_manager");
    return filter.getTypedConfig().unpack(HttpConnectionManager.class);
  }
}
