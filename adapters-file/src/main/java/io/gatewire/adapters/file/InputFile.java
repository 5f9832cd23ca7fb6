package io.gatewire.adapters.file;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The bytes of one input as last read: a file (named as the listing names it) or stdin ({@code
 * path} null). A load that did not read a file again hands on the same instance, bytes included.
 */
record InputFile(String name, Path path, byte[] bytes) {
  InputFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bytes, "bytes");
  }

  boolean isStdin() {
    return path == null;
  }
}
