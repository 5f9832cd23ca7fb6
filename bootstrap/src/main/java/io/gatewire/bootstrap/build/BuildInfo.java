package io.gatewire.bootstrap.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This build: the version from the Maven build, the git commit it was built from ({@code unknown}
 * when built from a source copy without git history), and the xDS API it speaks.
 *
 * @param version the project version, such as {@code 0.1.0}
 * @param commit the abbreviated commit id, with {@code -dirty} when the tree had uncommitted
 *     changes
 * @param xdsApi the xDS API version and the Envoy API release it is built against
 */
public record BuildInfo(String version, String commit, String xdsApi) {
  public static final String UNKNOWN = "unknown";

  /** Read from the properties the build wrote into the jar. */
  public static BuildInfo current() {
    return of(properties("build.properties"), properties("git.properties"));
  }

  /**
   * From the build's properties ({@code version}, {@code controlPlane}) and git's ({@code
   * git.commit.id.abbrev}, {@code git.dirty}); what is missing is {@link #UNKNOWN}.
   */
  static BuildInfo of(Properties build, Properties git) {
    String commit = git.getProperty("git.commit.id.abbrev", "").trim();
    if (commit.isEmpty()) {
      commit = UNKNOWN;
    } else if ("true".equals(git.getProperty("git.dirty"))) {
      commit += "-dirty";
    }
    return new BuildInfo(
        build.getProperty("version", UNKNOWN),
        commit,
        "v3 (Envoy API of java-control-plane " + build.getProperty("controlPlane", UNKNOWN) + ")");
  }

  private static Properties properties(String name) {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(name)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
