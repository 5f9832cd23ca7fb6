package io.gatewire.benchmarks.ads;

import io.envoyproxy.controlplane.cache.Resources;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.List;

/**
 * One ADS stream that behaves as Envoy does: it subscribes to every Listener and Cluster, then to
 * the route configurations its listeners name and the ClusterLoadAssignments of its clusters, and
 * ACKs every response. It notes when it holds what a {@link Goal} says is served: the time of the
 * ACK that got it there. Responses arrive on one thread per stream; the state is guarded by the
 * stream.
 *
 * @param <Q> the request type
 * @param <R> the response type
 */
abstract class LoadStream<Q, R> implements ClientResponseObserver<Q, R> {
  static final String LDS = Resources.V3.LISTENER_TYPE_URL;
  static final String RDS = Resources.V3.ROUTE_TYPE_URL;
  static final String CDS = Resources.V3.CLUSTER_TYPE_URL;
  static final String EDS = Resources.V3.ENDPOINT_TYPE_URL;
  static final List<String> TYPES = List.of(LDS, RDS, CDS, EDS);

  private ClientCallStreamObserver<Q> requests;
  private Goal goal;

  /** When the goal was reached (System.nanoTime), 0 while it is not. */
  private long reachedAt;

  private long lastAckAt;
  private long responses;
  private volatile Throwable ended;

  @Override
  public final void beforeStart(ClientCallStreamObserver<Q> requestStream) {
    this.requests = requestStream;
  }

  /** Sends the first subscriptions; call once the call is started. */
  abstract void subscribe();

  /** Whether this stream holds {@code state}: the versions it ACKed are those served. */
  abstract boolean holds(ServedState state);

  /** Handles a response (under the stream's lock): note it, ACK it, follow new names. */
  abstract void handle(R response);

  @Override
  public final void onNext(R response) {
    synchronized (this) {
      responses++;
      handle(response);
      lastAckAt = System.nanoTime();
      check();
    }
  }

  @Override
  public final void onError(Throwable error) {
    ended = error;
  }

  @Override
  public final void onCompleted() {
    ended = new IllegalStateException("the server completed the stream");
  }

  /** From now on, notes when {@code next} is reached (at once if it already is). */
  final synchronized void aim(Goal next) {
    goal = next;
    reachedAt = 0;
    check();
  }

  /** When the current goal was reached, in nanoseconds after it began; -1 while it is not. */
  final synchronized long reachedAfterNanos() {
    return reachedAt == 0 ? -1 : reachedAt - goal.startNanos();
  }

  final synchronized long responses() {
    return responses;
  }

  final Throwable ended() {
    return ended;
  }

  /** Ends the stream as a client that goes away does: the call is cancelled. */
  final void cancel() {
    requests.cancel("load client leaves", null);
  }

  /** Ends the stream politely: the client half-closes, the server completes. */
  final synchronized void close() {
    requests.onCompleted();
  }

  /** Sends {@code request} on this stream; callers hold the stream's lock. */
  final void send(Q request) {
    requests.onNext(request);
  }

  private void check() {
    if (goal != null && reachedAt == 0 && holds(goal.state())) {
      reachedAt = Math.max(lastAckAt, goal.startNanos());
      goal.reached();
    }
  }
}
