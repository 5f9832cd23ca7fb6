package io.gatewire.testkit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The vendored conformance data, read from the classpath (a directory or this module's jar alike)
 * and copied to a directory, where tests and the command line read it as files. The layout is the
 * one its {@code README.md} describes: {@code index.yaml}, {@code base/manifests.yaml} and, per
 * test, {@code httproute/<Test>/manifests.yaml}, {@code cases.yaml} and {@code status.yaml}.
 */
public final class ConformanceData {
  private static final String ROOT = "/io/gatewire/testkit/conformance/";
  private static final List<String> TOP_LEVEL =
      List.of("README.md", "LICENSE", "index.yaml", "skipped.yaml", "base/manifests.yaml");
  private static final List<String> PER_TEST =
      List.of("manifests.yaml", "cases.yaml", "status.yaml");

  private ConformanceData() {}

  /**
   * Copies the whole data set into {@code directory} (created if absent) and returns it, so that
   * {@code directory.resolve("index.yaml")} and each test's {@code dir} from the index resolve.
   */
  public static Path copyTo(Path directory) {
    try {
      for (String file : files()) {
        Path target = directory.resolve(file);
        Files.createDirectories(target.getParent());
        try (InputStream in = open(file)) {
          Files.copy(in, target);
        }
      }
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file of the data set, as paths relative to its root. */
  public static List<String> files() {
    List<String> files = new ArrayList<>(TOP_LEVEL);
    for (JsonNode test : index().get("tests")) {
      String dir = test.get("dir").asText();
      for (String file : PER_TEST) {
        if (ConformanceData.class.getResource(ROOT + dir + "/" + file) != null) {
          files.add(dir + "/" + file);
        }
      }
    }
    return List.copyOf(files);
  }

  /** {@code index.yaml}: one row per test (name, kind, dir, features, flags). */
  public static JsonNode index() {
    try (InputStream in = open("index.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String file) throws IOException {
    InputStream in = ConformanceData.class.getResourceAsStream(ROOT + file);
    if (in == null) {
      throw new IOException("conformance data missing from the classpath: " + ROOT + file);
    }
    return in;
  }
}
