package io.gatewire.benchmarks.ads;

import io.gatewire.adapters.file.FileConfigurationSource;
import io.gatewire.domain.port.ConfigurationSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Routes as files in a directory that a {@link FileConfigurationSource} watches: one file per
 * route, written as editors and ConfigMap tools do (a temporary name the source does not read, then
 * a rename), and deleted. The broken input is a file whose YAML does not parse.
 */
public final class FileRouteSource implements RouteSource {
  private final Path directory;
  private final FileConfigurationSource source;

  public FileRouteSource(Path directory) {
    this.directory = directory;
    this.source = new FileConfigurationSource(List.of(directory));
  }

  @Override
  public ConfigurationSource source() {
    return source;
  }

  @Override
  public void applyBase(String manifests) throws IOException {
    write("base.yaml", manifests);
  }

  @Override
  public void apply(List<ChurnRoute> routes) throws IOException {
    for (ChurnRoute route : routes) {
      write(fileName(route), route.manifest());
    }
  }

  @Override
  public void delete(List<ChurnRoute> routes) throws IOException {
    for (ChurnRoute route : routes) {
      Files.delete(directory.resolve(fileName(route)));
    }
  }

  @Override
  public BrokenInput breakInput(ChurnRoute loaded) throws IOException {
    write(
        "broken.yaml",
        "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: [unclosed\n");
    return BrokenInput.LOAD_FAILS;
  }

  /** The failed load shows in the pipeline's state, which the soak reads. */
  @Override
  public boolean brokenInputRead() {
    return true;
  }

  @Override
  public void repairInput() throws IOException {
    Files.delete(directory.resolve("broken.yaml"));
  }

  /** As {@link #brokenInputRead()}. */
  @Override
  public boolean repairRead() {
    return true;
  }

  @Override
  public void close() {
    // the directory belongs to the caller
  }

  private static String fileName(ChurnRoute route) {
    return "route-" + route.namespace() + "-" + route.name() + ".yaml";
  }

  private void write(String name, String content) throws IOException {
    Path temporary = directory.resolve(name + ".tmp");
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
    Files.move(
        temporary,
        directory.resolve(name),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
