package io.gatewire.bootstrap.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
  private static Properties properties(String... keysAndValues) {
    Properties p = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return p;
  }

  @Test
  void commitAndVersion_comeFromTheBuildsProperties() {
    BuildInfo info =
        BuildInfo.of(
            properties("version", "1.2.3", "controlPlane", "1.0.49"),
            properties("git.commit.id.abbrev", "abc1234", "git.dirty", "false"));

    assertThat(info)
        .isEqualTo(
            new BuildInfo("1.2.3", "abc1234", "v3 (Envoy API of java-control-plane 1.0.49)"));
    assertThat(
            BuildInfo.of(
                    properties("version", "1.2.3"),
                    properties("git.commit.id.abbrev", "abc1234", "git.dirty", "true"))
                .commit())
        .isEqualTo("abc1234-dirty");
  }

  @Test
  void aBuildFromACopyWithoutGit_saysUnknown() {
    assertThat(BuildInfo.of(properties("version", "1.2.3"), properties()).commit())
        .isEqualTo(BuildInfo.UNKNOWN);
    assertThat(BuildInfo.of(properties(), properties("git.commit.id.abbrev", " ")).commit())
        .isEqualTo(BuildInfo.UNKNOWN);
    assertThat(BuildInfo.of(properties(), properties()).version()).isEqualTo(BuildInfo.UNKNOWN);
  }

  @Test
  void theBuiltClasses_carryTheProjectVersion() {
    assertThat(BuildInfo.current().version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}
