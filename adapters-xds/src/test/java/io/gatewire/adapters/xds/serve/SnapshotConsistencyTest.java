package io.gatewire.adapters.xds.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.gatewire.adapters.xds.XdsResources;
import io.gatewire.adapters.xds.XdsTranslator;
import io.gatewire.adapters.xds.testing.IrFixtures;
import io.gatewire.domain.metadata.MetadataOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotConsistencyTest {
  /**
   * Both listener kinds (RDS over plain HTTP, TLS chains with SDS), EDS and STRICT_DNS clusters.
   */
  private static final XdsResources RICH =
      new XdsTranslator(MetadataOptions.DEFAULTS).translate(IrFixtures.rich());

  @Test
  void translatorOutput_isConsistent() {
    assertThat(SnapshotConsistency.violations(RICH)).isEmpty();
    assertThat(
            SnapshotConsistency.violations(
                new XdsTranslator(MetadataOptions.DEFAULTS)
                    .translate(ServingFixtures.ir().merged())))
        .isEmpty();
  }

  @Test
  void listenerWhoseRouteConfigurationIsMissing_isAViolation() {
    XdsResources missing =
        new XdsResources(
            RICH.listeners(),
            RICH.routes().subList(1, 2),
            RICH.clusters(),
            RICH.endpoints(),
            RICH.secrets());

    assertThat(SnapshotConsistency.violations(missing))
        .containsExactly(
            "listener 'infra/gw/http' routes through RDS 'infra/gw/http', which the snapshot does not contain");
  }

  @Test
  void edsClusterWithoutItsAssignment_isAViolation() {
    XdsResources missing =
        new XdsResources(
            RICH.listeners(),
            RICH.routes(),
            RICH.clusters(),
            RICH.endpoints().subList(1, RICH.endpoints().size()),
            RICH.secrets());

    assertThat(SnapshotConsistency.violations(missing))
        .containsExactly(
            "cluster 'grpcroute/shop/api/rule/0' takes"
                + " its endpoints from EDS 'grpcroute/shop/api/rule/0', which the snapshot does not contain");
  }

  @Test
  void edsServiceName_isTheAssignmentLookedFor_andWithoutOneTheClusterName() {
    Cluster named =
        RICH.clusters().get(0).toBuilder()
            .setEdsClusterConfig(
                RICH.clusters().get(0).getEdsClusterConfig().toBuilder()
                    .setServiceName("elsewhere"))
            .build();
    Cluster unnamed =
        RICH.clusters().get(0).toBuilder()
            .setEdsClusterConfig(
                RICH.clusters().get(0).getEdsClusterConfig().toBuilder().clearServiceName())
            .build();

    assertThat(SnapshotConsistency.violations(withClusters(named)))
        .singleElement()
        .asString()
        .contains("'elsewhere'");
    assertThat(SnapshotConsistency.violations(withClusters(unnamed))).isEmpty();
  }

  @Test
  void tlsChainWhoseSecretIsMissing_isAViolation() {
    XdsResources missing =
        new XdsResources(
            RICH.listeners(), RICH.routes(), RICH.clusters(), RICH.endpoints(), List.of());

    assertThat(SnapshotConsistency.violations(missing))
        .containsExactly(
            "listener 'infra/gw/https' takes secret 'infra/api-cert' from SDS, which the snapshot does not contain");
  }

  @Test
  void referenceFromTheDefaultFilterChain_isCheckedToo() {
    Listener listener = RICH.listeners().get(0);
    Listener withDefault =
        listener.toBuilder()
            .clearFilterChains()
            .setDefaultFilterChain(listener.getFilterChains(0))
            .build();
    XdsResources missing =
        new XdsResources(List.of(withDefault), List.of(), List.of(), List.of(), List.of());

    assertThat(SnapshotConsistency.violations(missing))
        .singleElement()
        .asString()
        .contains("RDS 'infra/gw/http'");
  }

  private static XdsResources withClusters(Cluster first) {
    List<Cluster> clusters = new ArrayList<>(RICH.clusters());
    clusters.set(0, first);
    return new XdsResources(
        RICH.listeners(), RICH.routes(), clusters, RICH.endpoints(), RICH.secrets());
  }
}
