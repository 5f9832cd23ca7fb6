package io.gatewire.adapters.xds.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.controlplane.cache.VersionedResource;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
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

  private static <M extends com.google.protobuf.Message> SortedResources<M> versioned(
      List<M> resources) {
    return SortedResources.of(
        resources.stream().map(r -> VersionedResource.create(r, "1")).toList());
  }

  @Test
  void aSnapshotAfterAConsistentOne_isCheckedWhereItMayHaveChanged() {
    SortedResources<ClusterLoadAssignment> endpoints = versioned(RICH.endpoints());
    ContentVersionedSnapshot consistent =
        new ContentVersionedSnapshot(
            versioned(RICH.listeners()),
            versioned(RICH.routes()),
            versioned(RICH.clusters()),
            endpoints,
            versioned(RICH.secrets()));
    assertThat(SnapshotConsistency.violations(consistent, null)).isEmpty();

    ContentVersionedSnapshot assignmentGone =
        new ContentVersionedSnapshot(
            consistent.listeners(),
            consistent.routes(),
            consistent.clusters(),
            versioned(RICH.endpoints().subList(1, RICH.endpoints().size())),
            consistent.secrets());
    assertThat(SnapshotConsistency.violations(assignmentGone, consistent))
        .singleElement()
        .asString()
        .contains("takes its endpoints from EDS '" + RICH.endpoints().get(0).getClusterName());

    ContentVersionedSnapshot assignmentChanged =
        new ContentVersionedSnapshot(
            consistent.listeners(),
            consistent.routes(),
            consistent.clusters(),
            endpoints.with(List.of(VersionedResource.create(RICH.endpoints().get(0), "2"))),
            consistent.secrets());
    assertThat(SnapshotConsistency.violations(assignmentChanged, consistent)).isEmpty();

    ContentVersionedSnapshot routeGone =
        new ContentVersionedSnapshot(
            consistent.listeners(),
            versioned(RICH.routes().subList(1, 2)),
            consistent.clusters(),
            consistent.endpoints(),
            consistent.secrets());
    assertThat(SnapshotConsistency.violations(routeGone, consistent))
        .anySatisfy(v -> assertThat(v).contains("routes through RDS"));
  }
}
