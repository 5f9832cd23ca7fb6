package io.gatewire.adapters.xds.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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

  @Test
  void versionsUpdatedByTheChangedPairs_equalThoseMadeAfresh_forAllAndForEveryNameListAsked() {
    Random random = new Random(18);
    TreeMap<String, String> current = new TreeMap<>();
    for (int i = 0; i < 50; i++) {
      current.put("r" + i, "v0");
    }
    List<List<String>> asked =
        List.of(List.of("r1", "r2", "r3"), List.of("r5", "r60", "r7"), List.of("r9"));
    NamedResourceVersions versions = new NamedResourceVersions(new TreeMap<>(current));
    asked.forEach(versions::version);
    for (int step = 0; step < 200; step++) {
      TreeMap<String, String> next = new TreeMap<>(current);
      Set<String> changed = new java.util.HashSet<>();
      for (int k = random.nextInt(4); k >= 0; k--) {
        String name = "r" + random.nextInt(70);
        changed.add(name);
        switch (random.nextInt(3)) {
          case 0 -> next.remove(name);
          default -> next.put(name, "v" + random.nextInt(5));
        }
      }
      // a name listed as changed whose pair is the same must not count twice
      changed.add("r" + random.nextInt(70));
      versions = versions.with(new TreeMap<>(next), List.copyOf(changed));
      current = next;

      NamedResourceVersions fresh = new NamedResourceVersions(new TreeMap<>(current));
      assertThat(versions.version(List.of())).isEqualTo(fresh.version(List.of()));
      for (List<String> names : asked) {
        assertThat(versions.version(names))
            .as("step %d, %s", step, names)
            .isEqualTo(fresh.version(names));
      }
    }
  }

  @Test
  void theSamePairs_giveTheSameVersion_whateverTheOrderTheyWereAddedIn() {
    NamedResourceVersions direct = new NamedResourceVersions(VERSIONS);
    NamedResourceVersions built =
        new NamedResourceVersions(new TreeMap<>(Map.of("c", "3")))
            .with(VERSIONS, List.of("b", "a"));

    assertThat(built.version(List.of())).isEqualTo(direct.version(List.of()));
    assertThat(new NamedResourceVersions(new TreeMap<>()).version(List.of()))
        .isNotEqualTo(direct.version(List.of()));
  }
}
