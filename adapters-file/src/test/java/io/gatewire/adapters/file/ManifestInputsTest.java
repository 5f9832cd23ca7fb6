package io.gatewire.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatewire.domain.port.SourceException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading what a listing found, when files vanish in between (an editor's save, a cleanup). */
class ManifestInputsTest {
  private static final String SERVICE_WEB =
      "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: apps}\n";

  @TempDir Path dir;

  @Test
  void fileFoundInADirectoryThatVanishesBeforeItIsRead_isNotThere() throws Exception {
    Path kept = Files.writeString(dir.resolve("kept.yaml"), SERVICE_WEB);
    ManifestInputs inputs =
        new ManifestInputs(List.of(dir), InputStream.nullInputStream(), InputLimits.DEFAULTS);

    List<InputFile> files = inputs.read(List.of(dir.resolve("gone.yaml"), kept));

    assertThat(files).extracting(InputFile::name).containsExactly(kept.toString());
  }

  @Test
  void namedFileThatVanishesBeforeItIsRead_isMissing() {
    Path gone = dir.resolve("gone.yaml");
    ManifestInputs inputs =
        new ManifestInputs(List.of(gone), InputStream.nullInputStream(), InputLimits.DEFAULTS);

    SourceException error =
        catchThrowableOfType(SourceException.class, () -> inputs.read(List.of(gone)));

    assertThat(error.getMessage()).isEqualTo(gone + ": no such file or directory");
  }
}
