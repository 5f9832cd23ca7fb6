package io.gatewire.adapters.xds.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.gatewire.domain.ir.IrListener;
import io.gatewire.domain.metadata.MetadataOptions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListenerBindingTest {
  private static final IrListener HTTP =
      new IrListener("apps/eg/80", "0.0.0.0", 80, "apps/eg/80", List.of());

  @Test
  void asGateway_bindsTheGatewaysAddressAndPort() {
    Listener listener = new ListenerMapper().map(HTTP);

    assertThat(listener.getAddress().getSocketAddress().getAddress()).isEqualTo("0.0.0.0");
    assertThat(listener.getAddress().getSocketAddress().getPortValue()).isEqualTo(80);
  }

  @Test
  void addressAndOffset_changeTheSocketOnly_notTheNames() throws Exception {
    Listener listener =
        new ListenerMapper(
                new ListenerBinding(Optional.of("127.0.0.1"), 10_000), MetadataOptions.DEFAULTS)
            .map(HTTP);

    assertThat(listener.getAddress().getSocketAddress().getAddress()).isEqualTo("127.0.0.1");
    assertThat(listener.getAddress().getSocketAddress().getPortValue()).isEqualTo(10_080);
    assertThat(listener.getName()).isEqualTo("apps/eg/80");
    assertThat(
            listener
                .getFilterChains(0)
                .getFilters(0)
                .getTypedConfig()
                .unpack(HttpConnectionManager.class)
                .getRds()
                .getRouteConfigName())
        .isEqualTo("apps/eg/80");
  }

  @Test
  void aPortTheOffsetWouldPushPast65535_keepsItsGatewayPort() {
    ListenerBinding binding = new ListenerBinding(Optional.empty(), 10_000);

    assertThat(binding.port(55_535)).isEqualTo(65_535);
    assertThat(binding.port(60_000)).isEqualTo(60_000);
    assertThatThrownBy(() -> new ListenerBinding(Optional.empty(), 65_535))
        .hasMessageContaining("0 to 65534");
  }
}
