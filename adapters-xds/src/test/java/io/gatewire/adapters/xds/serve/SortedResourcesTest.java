package io.gatewire.adapters.xds.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.controlplane.cache.VersionedResource;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** One type's resources by name, and the next publish's made from them. */
class SortedResourcesTest {
  private static VersionedResource<Secret> secret(String name, String version) {
    return VersionedResource.create(Secret.newBuilder().setName(name).build(), version);
  }

  @Test
  void resourcesAreKeptByName_withTheVersionsOfThoseNames() {
    VersionedResource<Secret> b = secret("b", "2");
    VersionedResource<Secret> a = secret("a", "1");

    SortedResources<Secret> resources = SortedResources.of(List.of(b, a));

    assertThat(resources.versionedResources()).containsOnlyKeys("a", "b");
    assertThat(resources.versionedResources().keySet()).containsExactly("a", "b");
    assertThat(resources.resources().get("b")).isSameAs(b.resource());
    TreeMap<String, String> versions = new TreeMap<>();
    versions.put("a", "1");
    versions.put("b", "2");
    assertThat(resources.version())
        .isEqualTo(new NamedResourceVersions(versions).version(List.of()));
    assertThat(resources.version(List.of("b")))
        .isEqualTo(
            new NamedResourceVersions(new TreeMap<>(java.util.Map.of("b", "2")))
                .version(List.of()));
  }

  @Test
  void replacingResources_keepsTheNames_andLeavesTheOriginalAsItWas() {
    VersionedResource<Secret> a = secret("a", "1");
    SortedResources<Secret> first = SortedResources.of(List.of(a, secret("b", "1")));
    VersionedResource<Secret> newA = secret("a", "2");

    SortedResources<Secret> replaced = first.with(List.of(newA));
    SortedResources<Secret> added = first.with(List.of(secret("c", "1")));

    assertThat(replaced.versionedResources().get("a")).isSameAs(newA);
    assertThat(first.versionedResources().get("a")).isSameAs(a);
    assertThat(replaced.version()).isNotEqualTo(first.version());
    assertThat(replaced.sameNamesAs(first)).isTrue();
    assertThat(replaced.with(List.of(a)).sameNamesAs(first)).isTrue();
    assertThat(added.versionedResources()).containsOnlyKeys("a", "b", "c");
    assertThat(added.sameNamesAs(first)).isFalse();
    assertThat(SortedResources.of(List.of(a, secret("b", "1"))).sameNamesAs(first))
        .as("equal names made apart are not known to be the same")
        .isFalse();
  }

  @Test
  void resourcesMadeFromANewList_afterPreviousOnes_haveTheVersionsOfResourcesMadeAfresh() {
    SortedResources<Secret> first =
        SortedResources.of(List.of(secret("a", "1"), secret("b", "1"), secret("d", "1")));
    first.version(List.of("a", "c"));
    List<VersionedResource<Secret>> next =
        List.of(secret("b", "1"), secret("a", "2"), secret("c", "1"), secret("e", "1"));

    SortedResources<Secret> following = SortedResources.of(next, first);
    SortedResources<Secret> fresh = SortedResources.of(next);

    assertThat(following.versionedResources().keySet()).containsExactly("a", "b", "c", "e");
    assertThat(following.version()).isEqualTo(fresh.version());
    assertThat(following.version(List.of("a", "c"))).isEqualTo(fresh.version(List.of("a", "c")));
    assertThat(following.with(List.of(secret("b", "3"))).version())
        .isEqualTo(SortedResources.of(next).with(List.of(secret("b", "3"))).version());
    assertThat(SortedResources.of(next, fresh).version()).isEqualTo(fresh.version());
  }
}
