package io.gatewire.adapters.xds.serve;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A TLS file of the xDS port that cannot be read or does not hold what it should; names the file.
 */
public final class TlsFileException extends IOException {
  private final Path file;

  TlsFileException(Path file, String what, Throwable cause) {
    super(
        file
            + ": "
            + what
            + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()),
        cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
