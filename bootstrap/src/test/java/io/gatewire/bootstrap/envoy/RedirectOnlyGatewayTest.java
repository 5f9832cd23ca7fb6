package io.gatewire.bootstrap.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.testkit.envoy.Envoy;
import io.gatewire.testkit.envoy.EnvoyBootstrap;
import io.gatewire.testkit.envoy.EnvoyBootstrap.AdsProtocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Defect 1: a Gateway whose only route redirects has no cluster. Envoy, told to wait for its first
 * CDS and LDS answers for ever ({@code initial_fetch_timeout: 0s}), must start at once over both
 * protocols, and its listener must answer with the redirect. Before the fix, delta ADS never
 * answered the empty cluster subscription and such an Envoy never became LIVE.
 */
class RedirectOnlyGatewayTest {
  private static final Path INPUT =
      Path.of("src/test/resources/golden/redirect-only-no-clusters/input.yaml");

  @ParameterizedTest
  @EnumSource(AdsProtocol.class)
  void redirectOnlyGateway_startsEnvoyAtOnce_withAnInitialFetchTimeoutOfZero(AdsProtocol protocol)
      throws Exception {
    try (EnvoyFixture fixture =
        EnvoyFixture.serve(Files.readString(INPUT, StandardCharsets.UTF_8))) {
      Envoy envoy =
          fixture.envoy(
              EnvoyBootstrap.ads("envoy-redirect", "myns/eg", fixture.xdsPort())
                  .withProtocol(protocol)
                  .withInitialFetchTimeout(Duration.ZERO));

      Duration live = envoy.awaitLive(Duration.ofSeconds(10));
      envoy.awaitStable(Duration.ofSeconds(10));

      assertThat(live).as("LIVE after connecting").isLessThan(Duration.ofSeconds(2));
      assertThat(envoy.xds().success("cds")).as("the empty cluster answer").isPositive();
      assertThat(envoy.xds().rejected()).isZero();
      assertThat(envoy.warmingListeners()).isEmpty();
      RawHttp response = RawHttp.get(fixture.listenerPort(80), "shop.example.com", "/cart?x=1");
      assertThat(response.status()).isEqualTo(301);
      assertThat(response.headers().get("location")).isEqualTo("https://shop.example.com/cart?x=1");
    }
  }
}
