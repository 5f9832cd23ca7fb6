package io.gatewire.testkit.tools;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The root of the Gatewire checkout the tests run in: the nearest directory, from the working
 * directory up, that holds {@code testkit/pom.xml}. Surefire runs each module's tests in that
 * module's directory, and the scripts run from the root; both find it.
 */
public final class RepoRoot {
  private RepoRoot() {}

  /** The checkout's root directory. */
  public static Path find() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("testkit/pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "not inside a Gatewire checkout: no testkit/pom.xml above " + Path.of("").toAbsolutePath());
  }
}
