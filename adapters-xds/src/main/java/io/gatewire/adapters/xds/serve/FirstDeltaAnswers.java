package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.cache.DeltaResponse;
import io.envoyproxy.controlplane.cache.DeltaWatch;
import io.envoyproxy.controlplane.cache.DeltaXdsRequest;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A prompt first answer for every delta xDS subscription, even when there is nothing to send.
 * java-control-plane answers a delta watch only with resources to add or remove, so a stream's
 * first request for a type the snapshot holds none of (a wildcard CDS subscription of a Gateway
 * whose only route redirects, with no cluster) is never answered, and Envoy waits its {@code
 * initial_fetch_timeout} (for ever at 0 s) before it opens a listener. State of the world answers
 * such a request with an empty response; here delta does too.
 *
 * <p>A stream's first request of a type (the server has sent that type nothing yet) opens the
 * cache's watch as usual. If the cache does not answer it at once and the group's snapshot holds
 * nothing the request asks for (a wildcard subscription: no resource of the type; a subscription to
 * names: no names), it gets an empty response with the snapshot's version. A watch opened before
 * the group had a snapshot is checked again when one is published ({@link #snapshotsChanged}).
 * Requests for names the snapshot lacks are left to the cache: Gatewire's snapshots hold every name
 * they reference ({@link SnapshotConsistency}).
 */
final class FirstDeltaAnswers {
  private final Function<String, Snapshot> snapshots;

  /** First watches not answered yet, waiting for a snapshot; guarded by {@code this}. */
  private final List<First> waiting = new ArrayList<>();

  /**
   * @param snapshots the snapshot each group is served now, null for none
   */
  FirstDeltaAnswers(Function<String, Snapshot> snapshots) {
    this.snapshots = snapshots;
  }

  /**
   * Opens the cache's watch through {@code open} (handing it the consumer to answer), and answers
   * it empty when there is nothing to send.
   */
  DeltaWatch open(
      DeltaXdsRequest request,
      String group,
      Set<String> pendingResources,
      boolean wildcard,
      Consumer<DeltaResponse> responseConsumer,
      Function<Consumer<DeltaResponse>, DeltaWatch> open) {
    First first =
        new First(request, group, Set.copyOf(pendingResources), wildcard, responseConsumer);
    DeltaWatch cacheWatch = open.apply(first::fromCache);
    DeltaWatch watch =
        new DeltaWatch(request, Map.of(), pendingResources, "", wildcard, responseConsumer);
    watch.setStop(
        () -> {
          forget(first);
          cacheWatch.cancel();
        });
    if (!first.answered.get()) {
      synchronized (this) {
        waiting.add(first);
      }
      answerIfNothingToSend(first);
    }
    return watch;
  }

  /** Answers the waiting first watches of {@code groups} that have nothing to send. */
  void snapshotsChanged(Set<String> groups) {
    List<First> candidates;
    synchronized (this) {
      candidates = waiting.stream().filter(first -> groups.contains(first.group)).toList();
    }
    candidates.forEach(this::answerIfNothingToSend);
  }

  /** The first watches still waiting, for leak checks. */
  synchronized int waiting() {
    return waiting.size();
  }

  private void answerIfNothingToSend(First first) {
    Snapshot snapshot = snapshots.apply(first.group);
    if (snapshot == null || first.answered.get()) {
      return;
    }
    boolean nothingAsked =
        first.wildcard
            ? snapshot.versionedResources(first.request.getResourceType()).isEmpty()
            : first.pending.isEmpty();
    if (!nothingAsked || !first.answered.compareAndSet(false, true)) {
      return;
    }
    forget(first);
    first.consumer.accept(
        DeltaResponse.create(
            first.request,
            Map.of(),
            List.of(),
            snapshot.version(first.request.getResourceType(), List.of())));
  }

  private synchronized void forget(First first) {
    waiting.remove(first);
  }

  /** One stream's first watch of a type. */
  private final class First {
    private final DeltaXdsRequest request;
    private final String group;
    private final Set<String> pending;
    private final boolean wildcard;
    private final Consumer<DeltaResponse> consumer;
    private final AtomicBoolean answered = new AtomicBoolean();

    First(
        DeltaXdsRequest request,
        String group,
        Set<String> pending,
        boolean wildcard,
        Consumer<DeltaResponse> consumer) {
      this.request = request;
      this.group = group;
      this.pending = pending;
      this.wildcard = wildcard;
      this.consumer = consumer;
    }

    /** The cache's answer always goes through: it has something to send. */
    void fromCache(DeltaResponse response) {
      if (answered.compareAndSet(false, true)) {
        forget(this);
      }
      consumer.accept(response);
    }
  }
}
