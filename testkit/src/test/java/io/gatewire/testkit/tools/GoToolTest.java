package io.gatewire.testkit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GoTool on the tiny module {@code testkit/go/probe}: the binary runs and carries its linker flags;
 * asking again reuses the cached build; other flags are another cache entry.
 */
class GoToolTest {
  private static String run(Path binary) throws Exception {
    Process process = new ProcessBuilder(binary.toString()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).isZero();
    return out.trim();
  }

  private static GoTool probe(String greeting) {
    return new GoTool("probe", ".", "probe", List.of("-X main.greeting=" + greeting));
  }

  @Test
  void binary_isBuiltWithItsLinkerFlags_andCachedOutsideTheRepository() throws Exception {
    Path binary = probe("hello").binary();

    assertThat(run(binary)).isEqualTo("hello");
    assertThat(binary).startsWith(TestCache.root());
    assertThat(binary.toAbsolutePath().startsWith(RepoRoot.find())).isFalse();
  }

  @Test
  void secondRequest_reusesTheCachedBinary_otherFlagsBuildAnother() throws Exception {
    Path first = probe("again").binary();
    long built = Files.getLastModifiedTime(first).toMillis();

    Path second = probe("again").binary();
    Path other = probe("other").binary();

    assertThat(second).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(second).toMillis()).isEqualTo(built);
    assertThat(other).isNotEqualTo(first);
    assertThat(run(other)).isEqualTo("other");
  }
}
