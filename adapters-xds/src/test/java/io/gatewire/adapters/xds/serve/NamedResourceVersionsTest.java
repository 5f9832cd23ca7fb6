package io.gatewire.adapters.xds.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NamedResourceVersionsTest {
  private static final TreeMap<String, String> VERSIONS =
      new TreeMap<>(Map.of("a", "1", "b", "2", "c", "3"));

  @Test
  void subsetVersion_dependsOnTheNamesAskedFor_notOnTheirOrderOrOnWhatWasAskedBefore() {
    NamedResourceVersions versions = new NamedResourceVersions(VERSIONS);
    String ab = versions.version(List.of("a", "b"));

    assertThat(versions.version(new ArrayList<>(List.of("a", "b")))).isSameAs(ab);
    assertThat(versions.version(List.of("b", "a"))).isEqualTo(ab);
    assertThat(versions.version(List.of("a", "c"))).isNotEqualTo(ab);
    assertThat(versions.version(List.of("a", "b", "missing"))).isEqualTo(ab);
    assertThat(versions.version(List.of())).isEqualTo(versions.version(List.of("a", "b", "c")));
    assertThat(new NamedResourceVersions(VERSIONS).version(List.of("a", "b"))).isEqualTo(ab);
  }

  @Test
  void aChangedResource_changesTheVersionOfTheSubsetsHoldingIt_only() {
    NamedResourceVersions before = new NamedResourceVersions(VERSIONS);
    String ab = before.version(List.of("a", "b"));
    String c = before.version(List.of("c"));
    SortedMap<String, String> changed = new TreeMap<>(VERSIONS);
    changed.put("a", "9");
    NamedResourceVersions after = new NamedResourceVersions(changed);

    assertThat(after.version(List.of("a", "b"))).isNotEqualTo(ab);
    assertThat(after.version(List.of("c"))).isEqualTo(c);
  }

  @Test
  void manyDistinctNameLists_stayCorrectPastTheMemoryBound() {
    NamedResourceVersions versions = new NamedResourceVersions(VERSIONS);
    String ab = versions.version(List.of("a", "b"));
    for (int i = 0; i < 1000; i++) {
      versions.version(List.of("a", "x" + i));
    }
    assertThat(versions.version(List.of("a", "b"))).isEqualTo(ab);
  }
}
