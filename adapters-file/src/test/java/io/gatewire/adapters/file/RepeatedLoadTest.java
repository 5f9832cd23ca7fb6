package io.gatewire.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.port.SourceException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading again: unchanged bytes give the very same result, and a failed load changes nothing. */
class RepeatedLoadTest {
  private static final String SERVICE_WEB =
      "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: apps}\n"
          + "spec: {ports: [{port: 80}]}\n";
  private static final String SERVICE_WEB_8080 = SERVICE_WEB.replace("port: 80", "port: 8080");
  private static final String SERVICE_WEB_BROKEN =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: apps}
      spec:
        ports:
        - port: eighty
      """;

  @TempDir Path dir;

  private static int port(GatewayResources resources) {
    return resources.services().get(0).ports().get(0).port();
  }

  @Test
  void touchChmodAndSaveOfTheSameContent_giveTheSameInstance() throws Exception {
    Path file = Files.writeString(dir.resolve("svc.yaml"), SERVICE_WEB);
    FileConfigurationSource source = new FileConfigurationSource(List.of(dir));
    LoadResult first = source.loadWithWarnings();

    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
    assertThat(source.loadWithWarnings()).isSameAs(first);

    Files.setPosixFilePermissions(file, EnumSet.of(PosixFilePermission.OWNER_READ));
    assertThat(source.load()).isSameAs(first.resources());

    Files.setPosixFilePermissions(
        file, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    Files.writeString(file, SERVICE_WEB);
    assertThat(source.load()).isSameAs(first.resources());
  }

  @Test
  void changedContent_isParsedAgain() throws Exception {
    Path file = Files.writeString(dir.resolve("svc.yaml"), SERVICE_WEB);
    FileConfigurationSource source = new FileConfigurationSource(List.of(file));
    GatewayResources first = source.load();

    Files.writeString(file, SERVICE_WEB_8080);

    assertThat(port(source.load())).isEqualTo(8080);
    assertThat(port(first)).isEqualTo(80);
  }

  @Test
  void sameContentUnderAnotherName_isParsedAgain_becauseLocationsNameTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("a.yaml"), SERVICE_WEB + "---\n" + SERVICE_WEB);
    FileConfigurationSource source = new FileConfigurationSource(List.of(dir));
    LoadResult first = source.loadWithWarnings();

    Files.move(file, dir.resolve("b.yaml"));
    LoadResult second = source.loadWithWarnings();

    assertThat(second).isNotSameAs(first);
    assertThat(second.warnings())
        .singleElement()
        .asString()
        .startsWith(dir.resolve("b.yaml") + ":6: ");
  }

  @Test
  void brokenEdit_failsAtFileAndLine_andTheFixIsLoaded() throws Exception {
    Path file = Files.writeString(dir.resolve("svc.yaml"), SERVICE_WEB);
    FileConfigurationSource source = new FileConfigurationSource(List.of(dir));
    source.load();

    Files.writeString(file, SERVICE_WEB_BROKEN);
    SourceException error = catchThrowableOfType(SourceException.class, source::load);

    assertThat(error.location()).isEqualTo(file + ":6");
    assertThat(error.getMessage())
        .isEqualTo(
            file
                + ":6: Service apps/web: spec.ports[0].port: cannot parse \"eighty\" as an integer");

    Files.writeString(file, SERVICE_WEB_8080);

    assertThat(port(source.load())).isEqualTo(8080);
  }

  @Test
  void failedLoad_leavesTheLastGoodResultRemembered() throws Exception {
    Path file = Files.writeString(dir.resolve("svc.yaml"), SERVICE_WEB);
    FileConfigurationSource source = new FileConfigurationSource(List.of(file));
    GatewayResources good = source.load();

    Files.writeString(file, SERVICE_WEB_BROKEN);
    assertThat(catchThrowableOfType(SourceException.class, source::load)).isNotNull();
    Files.writeString(file, SERVICE_WEB);

    assertThat(source.load()).isSameAs(good);
  }

  @Test
  void stdinLoadedAgain_isTheSameInstance() throws Exception {
    FileConfigurationSource source =
        new FileConfigurationSource(
            List.of(Path.of("-")),
            new ByteArrayInputStream(SERVICE_WEB.getBytes(StandardCharsets.UTF_8)));

    assertThat(source.load()).isSameAs(source.load());
  }
}
