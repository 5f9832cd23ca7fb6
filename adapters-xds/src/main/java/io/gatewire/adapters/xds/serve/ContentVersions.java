package io.gatewire.adapters.xds.serve;

import com.google.protobuf.Message;
import io.gatewire.adapters.xds.proto.DeterministicBytes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Versions that depend on content only, so the same configuration gets the same versions in every
 * process: a resource's version is the SHA-256 of its deterministic bytes (for a route
 * configuration, of its bytes without virtual hosts followed by each virtual host's SHA-256: see
 * {@link ResourceVersions}), a set of resources' version is made from the SHA-256 of each of its
 * (name, version) pairs ({@link SetDigest}). Both are 64 bits written as 16 hex digits.
 */
final class ContentVersions {
  static final int LENGTH = 16;

  private ContentVersions() {}

  static String of(Message resource) {
    return hex(digest(resource));
  }

  /** The full SHA-256 of a message's deterministic bytes. */
  static byte[] digest(Message message) {
    return sha256().digest(DeterministicBytes.of(message));
  }

  /**
   * The version of a message made of {@code rest} (the message without its repeated parts) and its
   * parts, given by their {@link #digest}s in order.
   */
  static String ofParts(Message rest, List<byte[]> partDigests) {
    MessageDigest digest = sha256();
    digest.update(DeterministicBytes.of(rest));
    partDigests.forEach(digest::update);
    return hex(digest.digest());
  }

  private static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
