package io.gatewire.adapters.xds.serve;

import static io.gatewire.adapters.xds.serve.ServingFixtures.CART_CLUSTER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.SHOP;
import static io.gatewire.adapters.xds.serve.ServingFixtures.SHOP_LISTENER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.WEB_CLUSTER;
import static io.gatewire.adapters.xds.serve.ServingFixtures.fixture;
import static io.gatewire.adapters.xds.serve.ServingFixtures.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.controlplane.cache.Resources.ResourceType;
import io.envoyproxy.controlplane.cache.VersionedResource;
import io.gatewire.adapters.xds.XdsTranslator;
import io.gatewire.adapters.xds.mapping.ListenerBinding;
import io.gatewire.adapters.xds.testing.IrFixtures;
import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.metadata.MetadataOptions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ContentVersionedSnapshotTest {

  @Test
  void theSameResources_getTheSameVersions_inAnotherProcess() {
    ContentVersionedSnapshot first = snapshot(IrFixtures.rich(), fresh());
    ContentVersionedSnapshot restarted = snapshot(IrFixtures.rich(new Random(7)), fresh());

    for (ResourceType type : ResourceType.values()) {
      assertThat(versions(restarted, type))
          .as(type.name())
          .isEqualTo(versions(first, type))
          .isNotEmpty();
      assertThat(restarted.version(type))
          .as(type.name())
          .isEqualTo(first.version(type))
          .matches("[0-9a-f]{16}");
    }
  }

  @Test
  void unchangedResources_keepTheirInstances_acrossRebuildsAndGroups() {
    Memos memos = new Memos();
    VersionedResources versions = versionedBy(memos);
    Ir ir = ServingFixtures.ir();
    ContentVersionedSnapshot shop = snapshot(gateway(ir, SHOP), versions);
    ContentVersionedSnapshot merged = snapshot(ir.merged(), versions);
    memos.endGeneration();

    Ir changedRoute = fixture().withCartPath("/shop.Cart/List").build();
    ContentVersionedSnapshot rebuilt = snapshot(gateway(changedRoute, SHOP), versions);

    assertThat(rebuilt.resources().clusters())
        .containsExactlyElementsOf(shop.resources().clusters());
    for (int i = 0; i < shop.resources().clusters().size(); i++) {
      assertThat(rebuilt.resources().clusters().get(i))
          .isSameAs(shop.resources().clusters().get(i))
          .isSameAs(
              merged.clusters().resources().get(shop.resources().clusters().get(i).getName()));
    }
    assertThat(rebuilt.resources().listeners().get(0))
        .isSameAs(shop.resources().listeners().get(0));
    assertThat(rebuilt.resources().routes().get(0)).isNotSameAs(shop.resources().routes().get(0));
  }

  @Test
  void changingOneRoute_changesOnlyItsRouteConfigurationsVersion_andTheRouteTypeVersion() {
    ContentVersionedSnapshot before = snapshot(ServingFixtures.ir().merged(), fresh());
    ContentVersionedSnapshot after =
        snapshot(fixture().withCartPath("/shop.Cart/List").build().merged(), fresh());

    Map<String, String> routesBefore = versions(before, ResourceType.ROUTE);
    Map<String, String> routesAfter = versions(after, ResourceType.ROUTE);
    assertThat(routesAfter.get(SHOP_LISTENER)).isNotEqualTo(routesBefore.get(SHOP_LISTENER));
    routesBefore.remove(SHOP_LISTENER);
    routesAfter.remove(SHOP_LISTENER);
    assertThat(routesAfter).isEqualTo(routesBefore).isNotEmpty();
    assertThat(after.version(ResourceType.ROUTE)).isNotEqualTo(before.version(ResourceType.ROUTE));
    for (ResourceType type : EnumSet.complementOf(EnumSet.of(ResourceType.ROUTE))) {
      assertThat(versions(after, type)).as(type.name()).isEqualTo(versions(before, type));
      assertThat(after.version(type)).as(type.name()).isEqualTo(before.version(type));
    }
    assertThat(after.sameVersionsAs(before)).isFalse();
    assertThat(snapshot(ServingFixtures.ir().merged(), fresh()).sameVersionsAs(before)).isTrue();
  }

  @Test
  void versionForNamedResources_coversOnlyThoseNames() {
    ContentVersionedSnapshot before = snapshot(ServingFixtures.ir().merged(), fresh());
    ContentVersionedSnapshot after =
        snapshot(fixture().withWebAddress("10.0.0.9").build().merged(), fresh());

    assertThat(after.version(ResourceType.ENDPOINT, List.of(CART_CLUSTER)))
        .isEqualTo(before.version(ResourceType.ENDPOINT, List.of(CART_CLUSTER)));
    assertThat(after.version(ResourceType.ENDPOINT, List.of(WEB_CLUSTER)))
        .isNotEqualTo(before.version(ResourceType.ENDPOINT, List.of(WEB_CLUSTER)));
    assertThat(before.version(ResourceType.ENDPOINT, List.of(WEB_CLUSTER, CART_CLUSTER, "absent")))
        .isEqualTo(before.version(ResourceType.ENDPOINT, List.of(CART_CLUSTER, WEB_CLUSTER)));
  }

  /** The gateway's snapshot, versioned by {@code versions}. */
  private static ContentVersionedSnapshot snapshot(IrGateway gateway, VersionedResources versions) {
    return versions.snapshot(gateway);
  }

  /** Versioning that remembers nothing yet: resources mapped afresh (new instances). */
  private static VersionedResources fresh() {
    return versionedBy(new Memos());
  }

  private static VersionedResources versionedBy(Memos memos) {
    return new VersionedResources(
        new XdsTranslator(MetadataOptions.DEFAULTS, ListenerBinding.AS_GATEWAY, memos), memos);
  }

  private static Map<String, String> versions(
      ContentVersionedSnapshot snapshot, ResourceType type) {
    Map<String, String> versions = new TreeMap<>();
    for (Map.Entry<String, VersionedResource<?>> entry :
        snapshot.versionedResources(type).entrySet()) {
      versions.put(entry.getKey(), entry.getValue().version());
    }
    return versions;
  }
}
