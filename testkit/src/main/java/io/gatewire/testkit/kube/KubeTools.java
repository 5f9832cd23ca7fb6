package io.gatewire.testkit.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewire.testkit.tools.GoTool;
import io.gatewire.testkit.tools.TestCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The pinned programs and data of the real-API-server tests: kube-apiserver and etcd built from the
 * Go module {@code testkit/go/kube}, and the Gateway API CRDs of the module {@code
 * sigs.k8s.io/gateway-api}, fetched through the Go module proxy (checked against the checksum
 * database) and kept in {@link TestCache}.
 */
public final class KubeTools {
  /** The Kubernetes release the API server is built from (go.mod pins the same). */
  public static final String KUBERNETES_VERSION = "v1.34.4";

  /** The etcd release (the one kubernetes {@value #KUBERNETES_VERSION} requires). */
  public static final String ETCD_VERSION = "v3.6.4";

  /** The Gateway API release whose CRDs are installed: the decoder's and the conformance data's. */
  public static final String GATEWAY_API_VERSION = "v1.6.1";

  private static final String VERSION_PACKAGE = "k8s.io/component-base/version";

  static final GoTool KUBE_APISERVER =
      new GoTool(
          "kube",
          "./cmd/kube-apiserver",
          "kube-apiserver",
          List.of(
              "-X " + VERSION_PACKAGE + ".gitVersion=" + KUBERNETES_VERSION,
              "-X " + VERSION_PACKAGE + ".gitMajor=1",
              "-X " + VERSION_PACKAGE + ".gitMinor=34"));
  static final GoTool ETCD = new GoTool("kube", "./cmd/etcd", "etcd", List.of());

  private KubeTools() {}

  /**
   * The experimental channel's CRD manifests of Gateway API {@value #GATEWAY_API_VERSION} (every
   * route kind; the standard channel is a subset), sorted by file name.
   */
  public static List<Path> gatewayApiCrds() {
    String entry = "gateway-api-crds-" + GATEWAY_API_VERSION;
    Path dir =
        TestCache.locked(
            entry,
            () -> {
              Path target = TestCache.root().resolve(entry);
              if (Files.isRegularFile(target.resolve("complete"))) {
                return target;
              }
              Path module = downloadModule("sigs.k8s.io/gateway-api@" + GATEWAY_API_VERSION);
              Path crds = module.resolve("config/crd/experimental");
              Files.createDirectories(target);
              try (Stream<Path> files = Files.list(crds)) {
                for (Path file : files.filter(KubeTools::isManifest).toList()) {
                  Files.copy(
                      file,
                      target.resolve(file.getFileName()),
                      java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
              }
              Files.writeString(target.resolve("complete"), GATEWAY_API_VERSION);
              return target;
            });
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(KubeTools::isManifest).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CRDs and the admission policy, not kustomize's index of them. */
  private static boolean isManifest(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") && !name.equals("kustomization.yaml");
  }

  /** {@code go mod download -json MODULE@VERSION} outside any module: the unpacked directory. */
  private static Path downloadModule(String moduleAtVersion) throws IOException {
    Path scratch = Files.createTempDirectory("gatewire-go-download");
    Path log = scratch.resolve("download.json");
    ProcessBuilder download =
        new ProcessBuilder("go", "mod", "download", "-json", moduleAtVersion)
            .directory(scratch.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    download.environment().put("GO111MODULE", "on");
    download.environment().put("GOFLAGS", "-mod=mod");
    Process process;
    try {
      process = download.start();
    } catch (IOException e) {
      throw new IllegalStateException(GoTool.INSTALL_GO, e);
    }
    try {
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "go mod download " + moduleAtVersion + " failed:\n" + Files.readString(log));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    JsonNode answer = new ObjectMapper().readTree(Files.readString(log, StandardCharsets.UTF_8));
    if (answer.hasNonNull("Error")) {
      throw new IllegalStateException(
          "go mod download " + moduleAtVersion + ": " + answer.get("Error").asText());
    }
    return Path.of(answer.get("Dir").asText());
  }
}
