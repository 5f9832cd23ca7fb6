package io.gatewire.benchmarks.ads;

import io.envoyproxy.envoy.config.core.v3.Node;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.grpc.stub.ClientCalls;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * ADS clients over a few connections to {@code 127.0.0.1:port}, on an event loop group of their own
 * (threads named {@value #THREAD_PREFIX}, so their CPU time can be told from the server's). Streams
 * are spread over the connections round robin; responses are handled on the connection's event
 * loop, and parsed without copying their resources' bytes ({@link AliasingResponses}).
 */
final class LoadClients implements AutoCloseable {
  static final String THREAD_PREFIX = "ads-load-client";
  private static final int MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

  private final int port;
  private final NioEventLoopGroup loops;
  private final List<ManagedChannel> channels = new ArrayList<>();
  private final ConcurrentMap<String, String> strings = new ConcurrentHashMap<>();
  private final UnaryOperator<String> sharing;
  private int opened;

  /**
   * {@code shareStrings}: delta streams share equal names and versions (for many streams; it keeps
   * every string ever seen, so not for a soak).
   */
  LoadClients(int port, int connections, int threads, boolean shareStrings) {
    loops = new NioEventLoopGroup(threads, new DefaultThreadFactory(THREAD_PREFIX, true));
    this.port = port;
    for (int i = 0; i < connections; i++) {
      channels.add(channel(port));
    }
    sharing = shareStrings ? s -> strings.computeIfAbsent(s, k -> k) : UnaryOperator.identity();
  }

  /**
   * Opens a stream for node {@code nodeId} of node cluster {@code group} and sends its first
   * subscriptions.
   */
  LoadStream<?, ?> open(boolean delta, String nodeId, String group) {
    return open(channels.get(opened++ % channels.size()), delta, nodeId, group);
  }

  /**
   * A client with a connection of its own (on the shared event loops), as an Envoy that comes and
   * goes: its stream is open and subscribed.
   */
  Solo connectAlone(boolean delta, String nodeId, String group) {
    ManagedChannel channel = channel(port);
    return new Solo(channel, open(channel, delta, nodeId, group));
  }

  /** A client on a connection of its own. */
  record Solo(ManagedChannel channel, LoadStream<?, ?> stream) {
    /**
     * Cuts the connection ({@code abrupt}), or half-closes the stream and then closes the
     * connection.
     */
    void leave(boolean abrupt) throws InterruptedException {
      if (abrupt) {
        channel.shutdownNow();
      } else {
        stream.close();
        channel.shutdown();
      }
      channel.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /**
   * A connection to the loopback port: a socket address, so gRPC resolves no name (its resolver
   * would run on gRPC's process-wide cached executor, whose size depends on timing).
   */
  private ManagedChannel channel(int port) {
    return NettyChannelBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
        .usePlaintext()
        .eventLoopGroup(loops)
        .channelType(NioSocketChannel.class)
        .directExecutor()
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .build();
  }

  private LoadStream<?, ?> open(
      ManagedChannel channel, boolean delta, String nodeId, String group) {
    Node node = Node.newBuilder().setId(nodeId).setCluster(group).build();
    LoadStream<?, ?> stream;
    if (delta) {
      DeltaLoadStream deltaStream = new DeltaLoadStream(node, sharing);
      ClientCalls.asyncBidiStreamingCall(
          channel.newCall(AliasingResponses.DELTA, CallOptions.DEFAULT), deltaStream);
      stream = deltaStream;
    } else {
      SotwLoadStream sotw = new SotwLoadStream(node);
      ClientCalls.asyncBidiStreamingCall(
          channel.newCall(AliasingResponses.STATE_OF_THE_WORLD, CallOptions.DEFAULT), sotw);
      stream = sotw;
    }
    stream.subscribe();
    return stream;
  }

  @Override
  public void close() {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow();
    }
    try {
      for (ManagedChannel channel : channels) {
        channel.awaitTermination(10, TimeUnit.SECONDS);
      }
      loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
