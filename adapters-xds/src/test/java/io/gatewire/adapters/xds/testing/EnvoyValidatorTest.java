package io.gatewire.adapters.xds.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.filters.udp.udp_proxy.v3.Route;
import io.envoyproxy.envoy.extensions.filters.udp.udp_proxy.v3.UdpProxyConfig;
import io.envoyproxy.pgv.ValidationException;
import io.gatewire.adapters.xds.XdsResources;
import io.gatewire.adapters.xds.XdsTranslator;
import io.gatewire.adapters.xds.proto.TypedConfigs;
import io.gatewire.domain.metadata.MetadataOptions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EnvoyValidatorTest {
  private static final XdsResources RICH =
      new XdsTranslator(MetadataOptions.DEFAULTS).translate(IrFixtures.rich());
  private static final XdsResources L4 =
      new XdsTranslator(MetadataOptions.DEFAULTS).translate(IrFixtures.l4());

  @Test
  void everyMappersOutput_forTheRichFixture_isValid() {
    assertThat(
            Stream.of(
                RICH.listeners(), RICH.routes(), RICH.clusters(), RICH.endpoints(), RICH.secrets()))
        .allSatisfy(resources -> assertThat(resources).isNotEmpty());
    assertThatCode(() -> EnvoyValidator.assertValid(RICH)).doesNotThrowAnyException();
  }

  @Test
  void everyL4Shape_isValid() {
    XdsResources l4 = new XdsTranslator(MetadataOptions.DEFAULTS).translate(IrFixtures.l4());

    assertThat(l4.listeners()).hasSize(4);
    assertThatCode(() -> EnvoyValidator.assertValid(l4)).doesNotThrowAnyException();
  }

  @Test
  void tcpProxyWithEmptyStatPrefix_isCaughtInsideTheAny() throws Exception {
    Listener.Builder listener =
        L4.listeners().stream()
            .filter(l -> l.getName().endsWith("/5432"))
            .findFirst()
            .orElseThrow()
            .toBuilder();
    TcpProxy proxy =
        listener
            .getFilterChains(0)
            .getFilters(0)
            .getTypedConfig()
            .unpack(TcpProxy.class)
            .toBuilder()
            .setStatPrefix("")
            .build();
    listener
        .getFilterChainsBuilder(0)
        .getFiltersBuilder(0)
        .setTypedConfig(TypedConfigs.pack(proxy));

    assertInvalid(listener.build(), "TcpProxy.stat_prefix");
  }

  @Test
  void udpRouteWithEmptyCluster_isCaughtTwoAnysDeep() throws Exception {
    Listener.Builder listener =
        L4.listeners().stream()
            .filter(l -> l.getName().endsWith("/5353/udp"))
            .findFirst()
            .orElseThrow()
            .toBuilder();
    UdpProxyConfig.Builder udp =
        listener.getListenerFilters(0).getTypedConfig().unpack(UdpProxyConfig.class).toBuilder();
    udp.getMatcherBuilder()
        .getOnNoMatchBuilder()
        .getActionBuilder()
        .setTypedConfig(TypedConfigs.pack(Route.newBuilder().setCluster("").build()));
    listener.getListenerFiltersBuilder(0).setTypedConfig(TypedConfigs.pack(udp.build()));

    assertInvalid(listener.build(), "Route.cluster");
  }

  @Test
  void negativeConnectTimeout_isCaught() {
    Cluster cluster =
        RICH.clusters().get(0).toBuilder()
            .setConnectTimeout(Duration.newBuilder().setSeconds(-1))
            .build();

    assertInvalid(cluster, "connect_timeout");
  }

  @Test
  void emptyClusterName_isCaught() {
    ClusterLoadAssignment assignment =
        RICH.endpoints().get(0).toBuilder().setClusterName("").build();

    assertInvalid(assignment, "cluster_name");
  }

  @Test
  void zeroLocalityWeight_isCaught() {
    ClusterLoadAssignment.Builder assignment = RICH.endpoints().get(0).toBuilder();
    assignment.getEndpointsBuilder(0).setLoadBalancingWeight(UInt32Value.of(0));

    assertInvalid(assignment.build(), "load_balancing_weight");
  }

  @Test
  void virtualHostWithoutDomains_isCaught() {
    RouteConfiguration.Builder routes = RICH.routes().get(0).toBuilder();
    routes.getVirtualHostsBuilder(0).clearDomains();

    assertInvalid(routes.build(), "domains");
  }

  @Test
  void brokenTypedConfig_isCaughtInsideTheAny() throws Exception {
    Listener.Builder listener = RICH.listeners().get(0).toBuilder();
    HttpConnectionManager hcm =
        listener
            .getFilterChains(0)
            .getFilters(0)
            .getTypedConfig()
            .unpack(HttpConnectionManager.class)
            .toBuilder()
            .setStatPrefix("")
            .build();
    listener.getFilterChainsBuilder(0).getFiltersBuilder(0).setTypedConfig(TypedConfigs.pack(hcm));

    assertInvalid(listener.build(), "stat_prefix");
  }

  @Test
  void anyOfAnUndeclaredType_isCaught() {
    Listener.Builder listener = RICH.listeners().get(0).toBuilder();
    listener
        .getFilterChainsBuilder(0)
        .getFiltersBuilder(0)
        .setTypedConfig(Any.pack(Duration.getDefaultInstance()));

    assertInvalid(listener.build(), "PAYLOAD_TYPES");
  }

  @Test
  void assertValid_namesTheResourceAndTheRule() {
    XdsResources broken =
        new XdsResources(
            List.of(),
            List.of(),
            List.of(
                RICH.clusters().get(0).toBuilder()
                    .setConnectTimeout(Duration.newBuilder().setSeconds(-1))
                    .build()),
            List.of(),
            List.of());

    assertThatThrownBy(() -> EnvoyValidator.assertValid(broken))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cluster violates Envoy's constraints")
        .hasMessageContaining("connect_timeout");
  }

  private static void assertInvalid(Message message, String field) {
    assertThatThrownBy(() -> EnvoyValidator.validate(message))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(field);
  }
}
