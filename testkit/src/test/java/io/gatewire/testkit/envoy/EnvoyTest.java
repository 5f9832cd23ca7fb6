package io.gatewire.testkit.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The harness against a real Envoy with no xDS server behind its port: Envoy gives up the first CDS
 * and LDS fetch after the configured timeout, turns LIVE, and is gone once closed.
 */
class EnvoyTest {

  @Test
  void envoyWithoutAnXdsServer_isLiveAfterTheInitialFetchTimeout_andStopsByPid() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    EnvoyBootstrap bootstrap =
        EnvoyBootstrap.ads("harness-test", "ns/gw", closedPort)
            .withInitialFetchTimeout(Duration.ofMillis(300));
    long pid;
    try (Envoy envoy = Envoy.start(bootstrap)) {
      pid = envoy.pid();
      Duration live = envoy.awaitLive(Duration.ofSeconds(10));

      assertThat(live.plus(envoy.startup())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(envoy.serverState()).isEqualTo("LIVE");
      assertThat(envoy.stats()).containsKey("cluster_manager.cds.update_attempt");
      assertThat(envoy.xds().rejected()).isZero();
      assertThat(envoy.warmingListeners()).isEmpty();
      assertThat(envoy.warmingClusters()).isEmpty();
      assertThat(envoy.clusters()).contains(EnvoyBootstrap.XDS_CLUSTER);
      assertThat(envoy.directory().resolve("bootstrap.yaml")).content().contains("harness-test");
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void xdsCounts_sumEachTypesSubscriptions() {
    XdsCounts counts =
        XdsCounts.of(
            java.util.Map.of(
                "cluster_manager.cds.update_success", 2L,
                "listener_manager.lds.update_rejected", 1L,
                "http.ns/gw/80.rds.ns/gw/80.update_success", 3L,
                "http.ns/gw/443.rds.ns/gw/443.update_success", 1L,
                "cluster.httproute/ns/r/rule/0.update_success", 4L,
                "cluster.gatewire_xds.update_success", 9L,
                "sds.ns/cert.update_rejected", 2L));

    assertThat(counts.success("cds")).isEqualTo(2);
    assertThat(counts.success("rds")).isEqualTo(4);
    assertThat(counts.success("eds")).as("the xDS cluster is not an EDS cluster").isEqualTo(4);
    assertThat(counts.rejected()).isEqualTo(3);
  }
}
