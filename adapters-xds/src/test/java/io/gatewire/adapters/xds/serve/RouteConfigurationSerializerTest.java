package io.gatewire.adapters.xds.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import io.envoyproxy.controlplane.cache.Resources.ApiVersion;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteConfigurationSerializerTest {
  private final RouteConfigurationSerializer serializer = new RouteConfigurationSerializer();

  private static VirtualHost host(int i) {
    return VirtualHost.newBuilder()
        .setName("ns/gw/http/host-" + i)
        .addDomains("host-" + i + ".example.com")
        .addRoutes(
            Route.newBuilder()
                .setName("route-" + i)
                .setMatch(RouteMatch.newBuilder().setPrefix("/" + i))
                .setRoute(RouteAction.newBuilder().setCluster("cluster-" + i)))
        .build();
  }

  private static RouteConfiguration config(List<VirtualHost> hosts) {
    return RouteConfiguration.newBuilder()
        .setName("ns/gw/8080")
        .addAllVirtualHosts(hosts)
        .setValidateClusters(BoolValue.of(false))
        .addRequestHeadersToAdd(
            HeaderValueOption.newBuilder()
                .setHeader(HeaderValue.newBuilder().setKey("x-gw").setValue("1")))
        .setIgnorePortInHostMatching(true)
        .build();
  }

  @Test
  void aRouteConfiguration_decodesToTheSameMessage_underItsTypeUrl() throws Exception {
    List<VirtualHost> hosts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      hosts.add(host(i));
    }
    RouteConfiguration config = config(hosts);

    Any any = serializer.serialize(config, ApiVersion.V3);

    assertThat(any.getTypeUrl()).isEqualTo(Any.pack(config).getTypeUrl());
    assertThat(any.unpack(RouteConfiguration.class)).isEqualTo(config);
    assertThat(any.getValue().size()).isEqualTo(config.getSerializedSize());
  }

  @Test
  void anEdit_serializesOnlyTheVirtualHostsThatAreNewInstances() throws Exception {
    List<VirtualHost> hosts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hosts.add(host(i));
    }
    serializer.serialize(config(hosts), ApiVersion.V3);
    assertThat(serializer.virtualHostsSerialized()).isEqualTo(100);

    List<VirtualHost> edited = new ArrayList<>(hosts);
    edited.set(42, host(42).toBuilder().addDomains("also-42.example.com").build());
    edited.add(host(100));
    RouteConfiguration next = config(edited);
    Any any = serializer.serialize(next, ApiVersion.V3);

    assertThat(serializer.virtualHostsSerialized()).isEqualTo(102);
    assertThat(any.unpack(RouteConfiguration.class)).isEqualTo(next);
  }

  @Test
  void theSameInstance_isServedTheSameValue() {
    RouteConfiguration config = config(List.of(host(1), host(2)));

    assertThat(serializer.serialize(config, ApiVersion.V3))
        .isSameAs(serializer.serialize(config, ApiVersion.V3));
  }

  @Test
  void otherTypes_arePackedAsUsual() {
    Cluster cluster = Cluster.newBuilder().setName("c").build();

    assertThat(serializer.serialize(cluster, ApiVersion.V3)).isEqualTo(Any.pack(cluster));
  }
}
