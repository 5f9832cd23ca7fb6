package io.gatewire.adapters.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over the inputs of one load: each input's name and bytes, in reading order (which follows
 * from the names: the paths in the order given, the files of a directory sorted). Every part is
 * prefixed with its length, so different inputs never run together into the same stream of bytes.
 */
final class ContentHash {
  private final MessageDigest sha256;

  ContentHash() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  void add(String name, byte[] content) {
    addPart(name.getBytes(StandardCharsets.UTF_8));
    addPart(content);
  }

  /** The hash in hex; the hash cannot take more inputs afterwards. */
  String value() {
    return HexFormat.of().formatHex(sha256.digest());
  }

  private void addPart(byte[] part) {
    sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
    sha256.update(part);
  }
}
