package io.gatewire.benchmarks.ads;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import com.google.protobuf.UnsafeByteOperations;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The load clients' ADS methods, with responses parsed so that every bytes field (each resource's
 * {@code Any} value) is a view of the message's one buffer instead of a copy of it. The generated
 * stubs' parser copies every value: for 1,000 streams that is about 4 GB of copies per five
 * changes, allocated in the benchmark's own process, and the garbage collector's work on it was
 * counted as the server's. The messages are the same; only their bytes are shared.
 */
final class AliasingResponses {
  private AliasingResponses() {}

  static final MethodDescriptor<DiscoveryRequest, DiscoveryResponse> STATE_OF_THE_WORLD =
      AggregatedDiscoveryServiceGrpc.getStreamAggregatedResourcesMethod().toBuilder(
              ProtoUtils.marshaller(DiscoveryRequest.getDefaultInstance()),
              marshaller(DiscoveryResponse.getDefaultInstance()))
          .build();

  static final MethodDescriptor<DeltaDiscoveryRequest, DeltaDiscoveryResponse> DELTA =
      AggregatedDiscoveryServiceGrpc.getDeltaAggregatedResourcesMethod().toBuilder(
              ProtoUtils.marshaller(DeltaDiscoveryRequest.getDefaultInstance()),
              marshaller(DeltaDiscoveryResponse.getDefaultInstance()))
          .build();

  /** Writes as the generated marshaller does; parses with aliasing. */
  static <M extends Message> MethodDescriptor.Marshaller<M> marshaller(M defaultInstance) {
    MethodDescriptor.Marshaller<M> writer = ProtoUtils.marshaller(defaultInstance);
    @SuppressWarnings("unchecked")
    Parser<M> parser = (Parser<M>) defaultInstance.getParserForType();
    return new MethodDescriptor.Marshaller<>() {
      @Override
      public InputStream stream(M value) {
        return writer.stream(value);
      }

      @Override
      public M parse(InputStream stream) {
        try {
          return AliasingResponses.parse(readAll(stream), parser);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** The message's bytes, read into one array of its known length (gRPC's streams know it). */
  private static byte[] readAll(InputStream stream) throws IOException {
    if (!(stream instanceof KnownLength)) {
      return stream.readAllBytes();
    }
    byte[] bytes = new byte[stream.available()];
    if (stream.readNBytes(bytes, 0, bytes.length) != bytes.length || stream.read() != -1) {
      throw new IOException("the message is not as long as its stream said");
    }
    return bytes;
  }

  /**
   * {@code bytes} parsed, its bytes fields views of {@code bytes}: the caller hands the array over
   * and never writes it again.
   */
  static <M extends Message> M parse(byte[] bytes, Parser<M> parser)
      throws InvalidProtocolBufferException {
    CodedInputStream in = UnsafeByteOperations.unsafeWrap(bytes).newCodedInput();
    in.enableAliasing(true);
    return parser.parseFrom(in);
  }
}
