package io.gatewire.adapters.xds.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Code;
import com.google.rpc.Status;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.cluster.v3.ClusterDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.envoyproxy.envoy.service.secret.v3.SecretDiscoveryServiceGrpc;
import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A hand-driven ADS client over the generated stubs of java-control-plane's api jar: the test
 * decides every request (subscribe, ACK, NACK, a stale nonce), and every response is queued per
 * type URL so the test can wait for the next one or count what arrives in a window.
 */
public final class AdsTestClient implements AutoCloseable {
  public static final Duration WAIT = Duration.ofSeconds(5);

  private final ManagedChannel channel;
  private final Node node;

  private AdsTestClient(ManagedChannel channel, Node node) {
    this.channel = channel;
    this.node = node;
  }

  public static AdsTestClient connect(int port, String nodeId, String nodeCluster) {
    return new AdsTestClient(
        NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build(),
        Node.newBuilder().setId(nodeId).setCluster(nodeCluster).build());
  }

  /**
   * Over TLS to {@code 127.0.0.1}, with {@code credentials} (trust, and a client certificate for
   * mTLS).
   */
  public static AdsTestClient connect(
      int port, ChannelCredentials credentials, String nodeId, String nodeCluster) {
    return new AdsTestClient(
        NettyChannelBuilder.forAddress("127.0.0.1", port, credentials).build(),
        Node.newBuilder().setId(nodeId).setCluster(nodeCluster).build());
  }

  /** A state-of-the-world ADS stream that sends the node on every request. */
  public Sotw stateOfTheWorld() {
    return new Sotw(
        false, AggregatedDiscoveryServiceGrpc.newStub(channel)::streamAggregatedResources);
  }

  /** A state-of-the-world ADS stream that sends the node on its first request only. */
  public Sotw stateOfTheWorldNodeOnce() {
    return new Sotw(
        true, AggregatedDiscoveryServiceGrpc.newStub(channel)::streamAggregatedResources);
  }

  /** A stream of the cluster discovery service alone, not ADS. */
  public Sotw clusterService() {
    return new Sotw(false, ClusterDiscoveryServiceGrpc.newStub(channel)::streamClusters);
  }

  /** A stream of the secret discovery service alone, not ADS. */
  public Sotw secretService() {
    return new Sotw(false, SecretDiscoveryServiceGrpc.newStub(channel)::streamSecrets);
  }

  public Delta delta() {
    return new Delta();
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  /** Responses of one stream, queued per type URL; the stream's end, if it ended. */
  private static final class Inbox<R> implements StreamObserver<R> {
    private final Function<R, String> typeUrl;
    private final Map<String, BlockingQueue<R>> byType = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> ended = new AtomicReference<>();

    Inbox(Function<R, String> typeUrl) {
      this.typeUrl = typeUrl;
    }

    @Override
    public void onNext(R response) {
      queue(typeUrl.apply(response)).add(response);
    }

    @Override
    public void onError(Throwable error) {
      ended.set(error);
    }

    @Override
    public void onCompleted() {
      ended.set(new IllegalStateException("the server completed the stream"));
    }

    BlockingQueue<R> queue(String type) {
      return byType.computeIfAbsent(type, t -> new LinkedBlockingQueue<>());
    }

    R next(String type) {
      try {
        R response = queue(type).poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(response)
            .as("a %s response within %s (stream ended: %s)", type, WAIT, ended.get())
            .isNotNull();
        return response;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    /**
     * Every response of {@code type} that arrives within {@code window} (and any that were
     * waiting).
     */
    List<R> within(String type, Duration window) {
      List<R> responses = new ArrayList<>();
      long deadline = System.nanoTime() + window.toNanos();
      try {
        for (long left = window.toNanos(); left > 0; left = deadline - System.nanoTime()) {
          R response = queue(type).poll(left, TimeUnit.NANOSECONDS);
          if (response != null) {
            responses.add(response);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      return responses;
    }

    public Throwable ended() {
      return ended.get();
    }
  }

  /**
   * One state-of-the-world stream; ACKs and NACKs repeat the names last subscribed for the type.
   */
  public final class Sotw {
    private final boolean nodeOnce;
    private final Inbox<DiscoveryResponse> inbox = new Inbox<>(DiscoveryResponse::getTypeUrl);
    private final StreamObserver<DiscoveryRequest> requests;
    private final Map<String, List<String>> names = new ConcurrentHashMap<>();
    private boolean nodeSent;

    private Sotw(
        boolean nodeOnce,
        Function<StreamObserver<DiscoveryResponse>, StreamObserver<DiscoveryRequest>> open) {
      this.nodeOnce = nodeOnce;
      this.requests = open.apply(inbox);
    }

    /** Subscribes to {@code resourceNames} (none: wildcard) and returns the first response. */
    public DiscoveryResponse subscribe(String typeUrl, String... resourceNames) {
      request(typeUrl, resourceNames);
      return next(typeUrl);
    }

    /** Subscribes to {@code resourceNames} (none: wildcard) without waiting for an answer. */
    public void request(String typeUrl, String... resourceNames) {
      names.put(typeUrl, List.of(resourceNames));
      send(DiscoveryRequest.newBuilder().setTypeUrl(typeUrl));
    }

    public void ack(DiscoveryResponse response) {
      send(answer(response, response.getVersionInfo()));
    }

    /**
     * Rejects {@code response}, keeping {@code acceptedVersion} ("" when nothing was accepted yet).
     */
    public void nack(DiscoveryResponse response, String acceptedVersion, String reason) {
      send(
          answer(response, acceptedVersion)
              .setErrorDetail(
                  Status.newBuilder().setCode(Code.INVALID_ARGUMENT_VALUE).setMessage(reason)));
    }

    public DiscoveryResponse next(String typeUrl) {
      return inbox.next(typeUrl);
    }

    public List<DiscoveryResponse> within(String typeUrl, Duration window) {
      return inbox.within(typeUrl, window);
    }

    public Throwable ended() {
      return inbox.ended();
    }

    public void close() {
      requests.onCompleted();
    }

    private DiscoveryRequest.Builder answer(DiscoveryResponse response, String version) {
      return DiscoveryRequest.newBuilder()
          .setTypeUrl(response.getTypeUrl())
          .setVersionInfo(version)
          .setResponseNonce(response.getNonce());
    }

    private synchronized void send(DiscoveryRequest.Builder request) {
      request.addAllResourceNames(names.getOrDefault(request.getTypeUrl(), List.of()));
      if (!nodeOnce || !nodeSent) {
        request.setNode(node);
        nodeSent = true;
      }
      requests.onNext(request.build());
    }
  }

  /** One delta ADS stream. */
  public final class Delta {
    private final Inbox<DeltaDiscoveryResponse> inbox =
        new Inbox<>(DeltaDiscoveryResponse::getTypeUrl);
    private final StreamObserver<DeltaDiscoveryRequest> requests;

    private Delta() {
      this.requests =
          AggregatedDiscoveryServiceGrpc.newStub(channel).deltaAggregatedResources(inbox);
    }

    /** Subscribes to {@code resourceNames} (none: wildcard) and returns the first response. */
    public DeltaDiscoveryResponse subscribe(String typeUrl, String... resourceNames) {
      request(typeUrl, resourceNames);
      return next(typeUrl);
    }

    /** Subscribes to {@code resourceNames} (none: wildcard) without waiting for an answer. */
    public void request(String typeUrl, String... resourceNames) {
      send(
          DeltaDiscoveryRequest.newBuilder()
              .setTypeUrl(typeUrl)
              .addAllResourceNamesSubscribe(List.of(resourceNames)));
    }

    public void ack(DeltaDiscoveryResponse response) {
      send(
          DeltaDiscoveryRequest.newBuilder()
              .setTypeUrl(response.getTypeUrl())
              .setResponseNonce(response.getNonce()));
    }

    public void nack(DeltaDiscoveryResponse response, String reason) {
      send(
          DeltaDiscoveryRequest.newBuilder()
              .setTypeUrl(response.getTypeUrl())
              .setResponseNonce(response.getNonce())
              .setErrorDetail(
                  Status.newBuilder().setCode(Code.INVALID_ARGUMENT_VALUE).setMessage(reason)));
    }

    public DeltaDiscoveryResponse next(String typeUrl) {
      return inbox.next(typeUrl);
    }

    public List<DeltaDiscoveryResponse> within(String typeUrl, Duration window) {
      return inbox.within(typeUrl, window);
    }

    public Throwable ended() {
      return inbox.ended();
    }

    private void send(DeltaDiscoveryRequest.Builder request) {
      requests.onNext(request.setNode(node).build());
    }
  }
}
