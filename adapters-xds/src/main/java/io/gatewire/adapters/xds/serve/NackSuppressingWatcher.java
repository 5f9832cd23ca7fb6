package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.cache.AbstractWatch;
import io.envoyproxy.controlplane.cache.ConfigWatcher;
import io.envoyproxy.controlplane.cache.DeltaResponse;
import io.envoyproxy.controlplane.cache.DeltaWatch;
import io.envoyproxy.controlplane.cache.DeltaXdsRequest;
import io.envoyproxy.controlplane.cache.NodeGroup;
import io.envoyproxy.controlplane.cache.Response;
import io.envoyproxy.controlplane.cache.Watch;
import io.envoyproxy.controlplane.cache.XdsRequest;
import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The cache as the discovery server sees it, minus the NACK loop. java-control-plane answers a NACK
 * by creating a watch for the same request, which the cache answers at once with the same snapshot:
 * the client rejects it again, thousands of times a second. Here a watch for a NACK ({@link
 * StreamLedger} names it) whose rejected version is still the group's current version is parked
 * instead: the library gets a placeholder watch, and the real watch is created, with the original
 * request, only when a new snapshot gives that group a different version for it ({@link
 * #snapshotsChanged}). A NACK that arrives after the configuration already changed gets its watch
 * at once. Requests the client makes afterwards (new subscriptions) are answered as usual: they are
 * the client's choice, not a loop.
 */
final class NackSuppressingWatcher implements ConfigWatcher {
  private final SimpleCache<String> cache;
  private final NodeGroup<String> groups;
  private final StreamLedger ledger;
  private final FirstDeltaAnswers firstDeltaAnswers;

  /**
   * Guarded by {@code this}, as is the decision to park, so a parked watch never misses a snapshot.
   */
  private final List<ParkedWatch> parked = new ArrayList<>();

  NackSuppressingWatcher(SimpleCache<String> cache, NodeGroup<String> groups, StreamLedger ledger) {
    this.cache = cache;
    this.groups = groups;
    this.ledger = ledger;
    this.firstDeltaAnswers = new FirstDeltaAnswers(cache::getSnapshot);
  }

  @Override
  public Watch createWatch(
      boolean ads,
      XdsRequest request,
      Set<String> knownResourceNames,
      Consumer<Response> responseConsumer,
      boolean hasClusterChanged,
      boolean allowDefaultEmptyEdsUpdate) {
    Supplier<Watch> open =
        () ->
            cache.createWatch(
                ads,
                request,
                knownResourceNames,
                responseConsumer,
                hasClusterChanged,
                allowDefaultEmptyEdsUpdate);
    Nack nack = ledger.takeNack(request.v3Request());
    if (nack == null) {
      return open.get();
    }
    return parkOrOpen(
        new Watch(ads, allowDefaultEmptyEdsUpdate, request, responseConsumer),
        groups.hash(request.v3Request().getNode()),
        nack,
        snapshot -> snapshot.version(request.getResourceType(), request.getResourceNamesList()),
        open);
  }

  @Override
  public DeltaWatch createDeltaWatch(
      DeltaXdsRequest request,
      String requesterVersion,
      Map<String, String> resourceVersions,
      Set<String> pendingResources,
      boolean isWildcard,
      Consumer<DeltaResponse> responseConsumer,
      boolean hasClusterChanged) {
    Supplier<DeltaWatch> open =
        () ->
            cache.createDeltaWatch(
                request,
                requesterVersion,
                resourceVersions,
                pendingResources,
                isWildcard,
                responseConsumer,
                hasClusterChanged);
    Nack nack = ledger.takeNack(request.v3Request());
    if (nack == null && requesterVersion.isEmpty()) {
      // nothing of this type sent on the stream yet: it gets an answer even when empty
      return firstDeltaAnswers.open(
          request,
          groups.hash(request.v3Request().getNode()),
          pendingResources,
          isWildcard,
          responseConsumer,
          consumer ->
              cache.createDeltaWatch(
                  request,
                  requesterVersion,
                  resourceVersions,
                  pendingResources,
                  isWildcard,
                  consumer,
                  hasClusterChanged));
    }
    if (nack == null) {
      return open.get();
    }
    return parkOrOpen(
        new DeltaWatch(
            request,
            resourceVersions,
            pendingResources,
            requesterVersion,
            isWildcard,
            responseConsumer),
        groups.hash(request.v3Request().getNode()),
        nack,
        snapshot -> snapshot.version(request.getResourceType(), Collections.emptyList()),
        open);
  }

  /** The watches parked now. */
  synchronized int parkedWatches() {
    return parked.size();
  }

  /** First delta watches waiting for a snapshot to be answered from. */
  int waitingFirstDeltaWatches() {
    return firstDeltaAnswers.waiting();
  }

  /**
   * Opens the real watch of every parked one whose group now has a different version for it, and
   * answers first delta watches that the new snapshots have nothing for ({@link
   * FirstDeltaAnswers}).
   */
  void snapshotsChanged(Set<String> changedGroups) {
    firstDeltaAnswers.snapshotsChanged(changedGroups);
    List<ParkedWatch> resumed = new ArrayList<>();
    synchronized (this) {
      for (Iterator<ParkedWatch> it = parked.iterator(); it.hasNext(); ) {
        ParkedWatch watch = it.next();
        if (changedGroups.contains(watch.group())
            && !watch.stillRejected(cache.getSnapshot(watch.group()))) {
          it.remove();
          resumed.add(watch);
        }
      }
    }
    resumed.forEach(ParkedWatch::resume);
  }

  private <W extends AbstractWatch<?, ?>> W parkOrOpen(
      W placeholder,
      String group,
      Nack nack,
      Function<Snapshot, String> currentVersion,
      Supplier<W> open) {
    synchronized (this) {
      Snapshot snapshot = cache.getSnapshot(group);
      if (snapshot != null && currentVersion.apply(snapshot).equals(nack.version())) {
        ParkedWatch watch = new ParkedWatch(group, nack.version(), currentVersion, open);
        placeholder.setStop(() -> cancel(watch));
        parked.add(watch);
        return placeholder;
      }
    }
    return open.get();
  }

  private void cancel(ParkedWatch watch) {
    synchronized (this) {
      parked.remove(watch);
    }
    watch.cancel();
  }
}
