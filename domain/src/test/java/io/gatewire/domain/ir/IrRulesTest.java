package io.gatewire.domain.ir;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.metadata.ResourceOrigin;
import io.gatewire.domain.settings.AccessLogFormat;
import io.gatewire.domain.settings.GatewaySettings;
import io.gatewire.domain.settings.HttpSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The IR's own rules: Gateways in key order, one merged configuration where a resource shared by
 * Gateways appears once with every origin, and key material that never shows in printed output.
 */
class IrRulesTest {
  private static ResourceOrigin route(String name) {
    return new ResourceOrigin(
        "HTTPRoute", "gateway.networking.k8s.io/v1", "ns", name, null, Map.of(), Map.of());
  }

  private static IrCluster cluster(String name, String route) {
    return new IrCluster(
        name,
        IrCluster.Discovery.EDS,
        IrCluster.Protocol.HTTP1,
        List.of(),
        ResourceMetadata.of(route(route)));
  }

  private static IrListener listener(String name, int port) {
    return new IrListener(name, "0.0.0.0", port, name, List.of());
  }

  private static IrSecret secret(String name, String chain, String key) {
    return new IrSecret(
        name, chain.getBytes(StandardCharsets.US_ASCII), key.getBytes(StandardCharsets.US_ASCII));
  }

  private static final GatewaySettings TEXT_LOGS =
      new GatewaySettings(
          new GatewaySettings.AccessLog(true, "/dev/stdout", AccessLogFormat.TEXT, null, Map.of()),
          GatewaySettings.Tracing.OFF,
          HttpSettings.DEFAULTS);

  @Test
  void gatewaysAreInKeyOrder() {
    IrGateway b = new IrGateway("ns/b", List.of(), List.of(), List.of(), List.of());
    IrGateway a = new IrGateway("ns/a", List.of(), List.of(), List.of(), List.of());
    assertThat(new Ir(List.of(b, a)).gateways()).containsExactly(a, b);
  }

  @Test
  void aSharedResourceAppearsOnceInTheMergedViewWithEveryOrigin() {
    IrGateway first =
        new IrGateway(
                "ns/a",
                List.of(listener("ns/a/80", 80)),
                List.of(new IrRouteConfig("shared", List.of())),
                List.of(cluster("shared", "one")),
                List.of(secret("ns/cert", "chain", "key")))
            .withSettings(TEXT_LOGS);
    IrGateway second =
        new IrGateway(
            "ns/b",
            List.of(listener("ns/a/80", 8080), listener("ns/b/81", 81)),
            List.of(new IrRouteConfig("shared", List.of())),
            List.of(cluster("shared", "two"), cluster("own", "three")),
            List.of(secret("ns/cert", "other", "other")));
    IrGateway merged = new Ir(List.of(second, first)).merged();
    assertThat(merged.key()).isEqualTo("*");
    assertThat(merged.listeners()).extracting(IrListener::port).containsExactly(80, 81);
    assertThat(merged.routeConfigs()).extracting(IrRouteConfig::name).containsExactly("shared");
    assertThat(merged.clusters()).extracting(IrCluster::name).containsExactly("own", "shared");
    assertThat(merged.clusters().get(1).metadata().resources())
        .containsExactly(route("one"), route("two"));
    assertThat(merged.secrets()).containsExactly(secret("ns/cert", "chain", "key"));
    assertThat(merged.settings()).isEqualTo(TEXT_LOGS);
    assertThat(Ir.EMPTY.merged().settings()).isEqualTo(GatewaySettings.DEFAULTS);
    assertThat(Ir.EMPTY.merged().clusters()).isEmpty();
  }

  @Test
  void secretsAreEqualByContentAndPrintOnlyTheirName() {
    IrSecret secret = secret("ns/cert", "chain", "key");
    assertThat(secret).isEqualTo(secret("ns/cert", "chain", "key"));
    assertThat(secret).hasSameHashCodeAs(secret("ns/cert", "chain", "key"));
    assertThat(secret).isNotEqualTo(secret("ns/other", "chain", "key"));
    assertThat(secret).isNotEqualTo(secret("ns/cert", "chain2", "key"));
    assertThat(secret).isNotEqualTo(secret("ns/cert", "chain", "key2"));
    assertThat(secret).isNotEqualTo("ns/cert");
    assertThat(secret).hasToString("IrSecret[ns/cert]");
  }

  @Test
  void headerChangesAreEmptyOnlyWhenNothingIsSetAddedOrRemoved() {
    IrHeaderChanges.Header header = new IrHeaderChanges.Header("x", "1");
    assertThat(IrHeaderChanges.NONE.isEmpty()).isTrue();
    assertThat(new IrHeaderChanges(List.of(header), List.of(), List.of()).isEmpty()).isFalse();
    assertThat(new IrHeaderChanges(List.of(), List.of(header), List.of()).isEmpty()).isFalse();
    assertThat(new IrHeaderChanges(List.of(), List.of(), List.of("x")).isEmpty()).isFalse();
  }

  @Test
  void unsetHeaderChangesChainsAndSettingsAreNone() {
    IrRoute route = new IrRoute("r", null, null, null, null, null, ResourceMetadata.NONE);
    assertThat(route.requestHeaders()).isEqualTo(IrHeaderChanges.NONE);
    assertThat(route.responseHeaders()).isEqualTo(IrHeaderChanges.NONE);
    IrListener listener = new IrListener("l", "0.0.0.0", 1, null, null, null, null);
    assertThat(listener.tlsChains()).isEmpty();
    assertThat(listener.proxyChains()).isEmpty();
    assertThat(new IrGateway("ns/a", List.of(), List.of(), List.of(), List.of(), null).settings())
        .isEqualTo(GatewaySettings.DEFAULTS);
  }
}
