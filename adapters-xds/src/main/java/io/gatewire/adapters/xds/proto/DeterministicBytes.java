package io.gatewire.adapters.xds.proto;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A message's wire bytes with map entries sorted by key, so equal messages give equal bytes
 * whatever order their maps (Struct fields, typed_extension_protocol_options) were filled in.
 */
public final class DeterministicBytes {
  private DeterministicBytes() {}

  public static byte[] of(Message message) {
    byte[] bytes = new byte[message.getSerializedSize()];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.useDeterministicSerialization();
    try {
      message.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("serializing into an array of the exact size cannot fail", e);
    }
    out.checkNoSpaceLeft();
    return bytes;
  }

  public static ByteString byteString(Message message) {
    return ByteString.copyFrom(of(message));
  }
}
