package io.gatewire.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.KubernetesObject;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.port.ConfigurationSource.Watch;
import io.gatewire.domain.port.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The watch on real files with the platform's WatchService. Nothing here waits a fixed time: a test
 * waits for a signal, and a test that expects no signal first waits for a second watch over the
 * same directory (the witness) to see the change.
 */
class FileWatchTest {
  private static final String SERVICE_WEB =
      "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: apps}\n"
          + "spec: {ports: [{port: 80}]}\n";
  private static final String SERVICE_WEB_8080 = SERVICE_WEB.replace("port: 80", "port: 8080");
  private static final ObjectRef WEB = new ObjectRef("Service", "apps", "web");

  @TempDir Path dir;

  private final List<Watch> watches = new ArrayList<>();

  /** Counts the signals of one watch. */
  private static final class Signals implements Runnable {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public void run() {
      count.incrementAndGet();
    }

    int count() {
      return count.get();
    }
  }

  @AfterEach
  void closeWatches() {
    watches.forEach(Watch::close);
  }

  private Signals watch(FileConfigurationSource source) {
    Signals signals = new Signals();
    watches.add(source.watch(signals));
    return signals;
  }

  private static ConditionFactory eventually() {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(5));
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private static FileConfigurationSource source(Path path) {
    return new FileConfigurationSource(List.of(path));
  }

  private static int webPort(GatewayResources resources) {
    return resources.services().stream()
        .filter(service -> service.ref().equals(WEB))
        .findFirst()
        .orElseThrow()
        .ports()
        .get(0)
        .port();
  }

  private static List<ObjectRef> refs(FileConfigurationSource source) throws SourceException {
    return source.load().all().stream().map(KubernetesObject::ref).toList();
  }

  @Test
  void editingAWatchedFile_signals() throws Exception {
    Path file = write("svc.yaml", SERVICE_WEB);
    Signals signals = watch(source(dir));

    Files.writeString(file, SERVICE_WEB_8080);

    eventually().until(() -> signals.count() > 0);
  }

  @ParameterizedTest(name = "watching the {0}")
  @ValueSource(strings = {"file", "directory"})
  void saveByRenameOverTheFile_signalsAndTheNewContentIsLoaded(String watched) throws Exception {
    Path file = write("svc.yaml", SERVICE_WEB);
    FileConfigurationSource source = source(watched.equals("file") ? file : dir);
    assertThat(webPort(source.load())).isEqualTo(80);
    Signals signals = watch(source);

    Path temporary = write("svc.yaml___jb_tmp___", SERVICE_WEB_8080);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);

    eventually().until(() -> signals.count() > 0);
    assertThat(webPort(source.load())).isEqualTo(8080);
  }

  /**
   * The kubelet's update of a mounted ConfigMap: the new version is staged in a hidden directory
   * with a link to it, and one rename swaps {@code ..data}; the visible file is a link that never
   * changes.
   */
  @ParameterizedTest(name = "watching the {0}")
  @ValueSource(strings = {"file", "directory"})
  void configMapLinkSwap_signalsAndTheNewContentIsLoaded(String watched) throws Exception {
    write("..2024_01_01/svc.yaml", SERVICE_WEB);
    Files.createSymbolicLink(dir.resolve("..data"), Path.of("..2024_01_01"));
    Path file = Files.createSymbolicLink(dir.resolve("svc.yaml"), Path.of("..data/svc.yaml"));
    FileConfigurationSource source = source(watched.equals("file") ? file : dir);
    assertThat(webPort(source.load())).isEqualTo(80);
    write("..2024_01_02/svc.yaml", SERVICE_WEB_8080);
    Path staged = Files.createSymbolicLink(dir.resolve("..data_tmp"), Path.of("..2024_01_02"));
    Signals signals = watch(source);

    Files.move(staged, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);

    eventually().until(() -> signals.count() > 0);
    assertThat(webPort(source.load())).isEqualTo(8080);
  }

  @Test
  void newFileInANewSubdirectory_signalsAndIsLoaded() throws Exception {
    FileConfigurationSource source = source(dir);
    Signals signals = watch(source);

    write("team-a/services/svc.yaml", SERVICE_WEB);

    eventually().until(() -> signals.count() > 0);
    assertThat(refs(source)).containsExactly(WEB);
  }

  @Test
  void newSubdirectory_isWatchedFromThenOn() throws Exception {
    Signals signals = watch(source(dir));
    Files.createDirectory(dir.resolve("later"));
    eventually().until(() -> signals.count() > 0);
    int afterTheDirectory = signals.count();

    write("later/svc.yaml", SERVICE_WEB);

    eventually().until(() -> signals.count() > afterTheDirectory);
  }

  @Test
  void singleFilePath_ignoresChangesToSiblingFiles() throws Exception {
    Path file = write("svc.yaml", SERVICE_WEB);
    Path sibling = write("other.yaml", SERVICE_WEB);
    Signals signals = watch(source(file));
    Signals witness = watch(source(dir));

    Files.writeString(sibling, SERVICE_WEB_8080);
    Files.move(
        write("new.yaml.tmp", SERVICE_WEB),
        dir.resolve("new.yaml"),
        StandardCopyOption.ATOMIC_MOVE);
    Files.delete(sibling);
    eventually().until(() -> witness.count() > 0);

    assertThat(signals.count()).isZero();
    Files.writeString(file, SERVICE_WEB_8080);
    eventually().until(() -> signals.count() > 0);
  }

  @Test
  void close_stopsTheSignals() throws Exception {
    Path file = write("svc.yaml", SERVICE_WEB);
    Signals signals = new Signals();
    Watch watch = source(dir).watch(signals);
    Files.writeString(file, SERVICE_WEB_8080);
    eventually().until(() -> signals.count() > 0);

    watch.close();
    int atClose = signals.count();
    Signals witness = watch(source(dir));
    Files.writeString(file, SERVICE_WEB);
    write("more/svc.yaml", SERVICE_WEB);
    eventually().until(() -> witness.count() > 0);

    assertThat(signals.count()).isEqualTo(atClose);
  }
}
