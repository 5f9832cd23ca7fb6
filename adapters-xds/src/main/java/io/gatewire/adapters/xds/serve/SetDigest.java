package io.gatewire.adapters.xds.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The digest of a set of (name, version) pairs, updated pair by pair: the sum, in four independent
 * 64-bit lanes, of each pair's SHA-256 (the name length-prefixed, so no two pairs collide by
 * concatenation). The same pairs give the same digest in any order, and replacing one pair of a
 * large set costs two hashes, not a walk of the set.
 */
record SetDigest(long a, long b, long c, long d) {
  static final SetDigest EMPTY = new SetDigest(0, 0, 0, 0);

  /** The digest of the one pair ({@code name}, {@code version}), hashed with {@code sha256}. */
  static SetDigest of(MessageDigest sha256, String name, String version) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    sha256.update((nameBytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    sha256.update(nameBytes);
    sha256.update(version.getBytes(StandardCharsets.US_ASCII));
    ByteBuffer hash = ByteBuffer.wrap(sha256.digest());
    return new SetDigest(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
  }

  SetDigest plus(SetDigest other) {
    return new SetDigest(a + other.a, b + other.b, c + other.c, d + other.d);
  }

  SetDigest minus(SetDigest other) {
    return new SetDigest(a - other.a, b - other.b, c - other.c, d - other.d);
  }

  /** The version this digest names: 64 bits of the SHA-256 of its lanes, as 16 hex digits. */
  String version() {
    ByteBuffer lanes = ByteBuffer.allocate(4 * Long.BYTES).putLong(a).putLong(b).putLong(c);
    byte[] hash = ContentVersions.sha256().digest(lanes.putLong(d).array());
    return HexFormat.of().formatHex(hash, 0, ContentVersions.LENGTH / 2);
  }
}
