package io.gatewire.domain.incremental;

import static io.gatewire.domain.fixtures.Fixtures.gateway;
import static io.gatewire.domain.fixtures.Fixtures.gatewayClass;
import static io.gatewire.domain.fixtures.Fixtures.http;
import static io.gatewire.domain.fixtures.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.ObjectRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What changed between two inputs, as data; the new input shares the unchanged objects. */
class ResourceChangesTest {
  private static GatewayResources of(KubernetesObject... objects) {
    return GatewayResources.builder().addAll(List.of(objects)).build();
  }

  private static GatewayResources base() {
    return of(
        gatewayClass("gatewire"),
        gateway("ns", "gw", http("web", 80)),
        service("apps", "a", "10.0.0.1", 80),
        service("apps", "b", "10.0.0.2", 80),
        service("apps", "c", "10.0.0.3", 80));
  }

  @Test
  void theFirstInput_isAllNew() {
    GatewayResources first = base();
    ResourceChanges changes = ResourceChanges.between(null, first);

    assertThat(changes.resources()).isSameAs(first);
    assertThat(changes.changed()).hasSize(5);
    assertThat(changes.none()).isFalse();
  }

  @Test
  void anEqualInput_isNoChange_andTheVeryPreviousInput() {
    GatewayResources before = base();
    ResourceChanges changes = ResourceChanges.between(before, base());

    assertThat(changes.none()).isTrue();
    assertThat(changes.resources()).isSameAs(before);
    assertThat(ResourceChanges.between(before, before).none()).isTrue();
  }

  @Test
  void addedRemovedAndChangedObjects_areNamed_andTheRestAreThePreviousInstances() {
    GatewayResources before = base();
    GatewayResources after =
        of(
            gatewayClass("gatewire"),
            gateway("ns", "gw", http("web", 80)),
            service("apps", "a", "10.0.0.1", 80),
            service("apps", "b", "10.0.9.9", 80),
            service("apps", "d", "10.0.0.4", 80));

    ResourceChanges changes = ResourceChanges.between(before, after);

    assertThat(changes.changed())
        .containsExactly(
            new ObjectRef("Service", "apps", "b"),
            new ObjectRef("Service", "apps", "c"),
            new ObjectRef("Service", "apps", "d"));
    assertThat(changes.resources()).isEqualTo(after);
    assertThat(changes.resources().gateways()).isSameAs(before.gateways());
    assertThat(changes.resources().gatewayClasses()).isSameAs(before.gatewayClasses());
    assertThat(changes.resources().services().get(0)).isSameAs(before.services().get(0));
    assertThat(changes.resources().services().get(1)).isSameAs(after.services().get(1));
    assertThat(changes.resources().services().get(2)).isSameAs(after.services().get(2));
  }

  @Test
  void objectsRemovedAtTheEnd_areNamed() {
    GatewayResources before = base();
    GatewayResources after =
        of(
            gatewayClass("gatewire"),
            gateway("ns", "gw", http("web", 80)),
            service("apps", "a", "10.0.0.1", 80));

    assertThat(ResourceChanges.between(before, after).changed())
        .containsExactly(
            new ObjectRef("Service", "apps", "b"), new ObjectRef("Service", "apps", "c"));
  }
}
