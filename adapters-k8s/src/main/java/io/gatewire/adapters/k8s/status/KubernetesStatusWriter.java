package io.gatewire.adapters.k8s.status;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gatewire.adapters.k8s.leader.LeadershipListener;
import io.gatewire.domain.port.StatusSink;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.StatusBody;
import io.gatewire.domain.status.Warning;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the translated status of GatewayClasses, Gateways and routes to the cluster, through the
 * status subresource, while this instance is the leader.
 *
 * <p>{@link #report} only records the latest desired status per object and wakes the one writer
 * thread, so the translation thread never waits on the API server; reports that arrive while the
 * writer is busy coalesce to the latest status per object. For each object the writer compares the
 * current resourceVersion and the desired status with what it last saw or wrote (a map lookup when
 * {@link CurrentObjects} is a cache), and only when either changed merges the status into the
 * current one ({@link StatusMerge}) and writes it if it differs, ignoring transition times. A
 * conflict re-reads the object from the API server and merges again, up to {@link
 * StatusWriterSettings#conflictAttempts}; an object deleted meanwhile is skipped; any other failure
 * is logged and the object retried after a backoff. A route that was reported before and is no
 * longer gets our {@code parents[]} entries removed.
 *
 * <p>Leadership: nothing is written until {@link #leadershipGained}, which then writes every
 * desired status without waiting for a new translation; {@link #leadershipLost} drops the queue at
 * once and no further write starts (one already sent to the API server completes).
 *
 * <p>Longer than most classes: the queue, the leadership switch and the conflict retry share the
 * one writer thread's state; the merge itself is {@link StatusMerge}.
 */
public final class KubernetesStatusWriter implements StatusSink, LeadershipListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesStatusWriter.class);

  /** The desired status of a route that no longer gets one from us: none of our parents. */
  private static final StatusBody DETACHED = new StatusBody.RouteStatus(List.of());

  private static final Set<String> ROUTE_KINDS =
      Set.of("HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute");
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final ApiServerObjects api;
  private final CurrentObjects current;
  private final StatusMerge merge;
  private final StatusWriterSettings settings;
  private final StatusWriteEvents events;
  private final Clock clock;
  private final Thread thread;

  private final ReentrantLock lock = new ReentrantLock();
  private final java.util.concurrent.locks.Condition wake = lock.newCondition();
  // Guarded by lock.
  private Map<StatusTarget, StatusBody> desired = new HashMap<>();
  private final Set<StatusTarget> pending = new LinkedHashSet<>();
  private final Map<StatusTarget, Retry> retries = new HashMap<>();
  private boolean leader;

  /** Counts leadership changes: a batch taken in an earlier term is not written. */
  private long term;

  private boolean closed;

  /**
   * The status each object was last seen or written to hold, at which resourceVersion: written by
   * the writer thread; reports drop the objects they no longer name.
   */
  private final Map<StatusTarget, Synced> synced = new ConcurrentHashMap<>();

  private record Retry(int failures, long dueNanos) {}

  private record Synced(StatusBody body, String resourceVersion) {}

  private record Batch(List<StatusTarget> targets, long term) {}

  /**
   * @param current where the current status is looked up ({@link ApiServerObjects} or an informer
   *     cache)
   * @param clock the time written as a changed condition's {@code lastTransitionTime}
   */
  public KubernetesStatusWriter(
      KubernetesClient client,
      CurrentObjects current,
      StatusWriterSettings settings,
      StatusWriteEvents events,
      Clock clock) {
    this.api = new ApiServerObjects(client);
    this.current = current;
    this.merge = new StatusMerge(settings.controllerName());
    this.settings = settings;
    this.events = events;
    this.clock = clock;
    this.thread = new Thread(this::run, "gatewire-status-writer");
    this.thread.setDaemon(true);
  }

  /** A writer that reads current status with a GET per object: use an informer cache at scale. */
  public KubernetesStatusWriter(KubernetesClient client, StatusWriterSettings settings) {
    this(client, new ApiServerObjects(client), settings, StatusWriteEvents.NONE, Clock.systemUTC());
  }

  public void start() {
    thread.start();
  }

  /**
   * Records the desired statuses and wakes the writer; returns at once. Warnings have no place in
   * status and are not used here: compose with a sink that logs them.
   */
  @Override
  public void report(List<ObjectStatus> statuses, List<Warning> warnings) {
    Map<StatusTarget, StatusBody> next = new HashMap<>(statuses.size() * 2);
    for (ObjectStatus s : statuses) {
      next.put(StatusTarget.of(s), s.status());
    }
    lock.lock();
    try {
      for (StatusTarget before : desired.keySet()) {
        if (ROUTE_KINDS.contains(before.kind()) && !next.containsKey(before)) {
          next.put(before, DETACHED);
        }
      }
      desired = next;
      synced.keySet().retainAll(next.keySet());
      if (leader) {
        pending.addAll(next.keySet());
        wake.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Someone wrote the status of {@code target}: if it is one of ours and this replica leads,
   * compare it again (a write follows only if our part is no longer there). Our own writes come
   * back here too and cost a resourceVersion comparison.
   */
  public void recheck(StatusTarget target) {
    lock.lock();
    try {
      if (leader && desired.containsKey(target)) {
        pending.add(target);
        wake.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void leadershipGained() {
    int objects;
    lock.lock();
    try {
      leader = true;
      term++;
      pending.addAll(desired.keySet());
      objects = pending.size();
      retries.clear();
      wake.signal();
    } finally {
      lock.unlock();
    }
    LOG.info("Leading: writing the status of {} objects", objects);
  }

  @Override
  public void leadershipLost() {
    lock.lock();
    try {
      leader = false;
      term++;
      pending.clear();
      retries.clear();
    } finally {
      lock.unlock();
    }
    LOG.info("No longer leading: status writes stopped");
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      wake.signal();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(CLOSE_WAIT.toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      for (Batch batch = nextBatch(); batch != null; batch = nextBatch()) {
        for (StatusTarget target : batch.targets()) {
          StatusBody body = desiredIfLeading(target, batch.term());
          if (body == null) {
            continue;
          }
          try {
            sync(target, body, batch.term());
          } catch (RuntimeException e) {
            failed(target, batch.term(), e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until leading with objects to write (pending or due for a retry); null once closed. */
  private Batch nextBatch() throws InterruptedException {
    lock.lock();
    try {
      while (!closed) {
        if (!leader) {
          wake.await();
          continue;
        }
        long now = System.nanoTime();
        Set<StatusTarget> batch = new LinkedHashSet<>();
        for (Iterator<StatusTarget> it = pending.iterator(); it.hasNext(); ) {
          StatusTarget target = it.next();
          it.remove();
          Retry retry = retries.get(target);
          if (retry == null || retry.dueNanos() - now <= 0) {
            batch.add(
                target); // one backing off waits for its retry, which writes the then latest status
          }
        }
        long wait = Long.MAX_VALUE;
        for (Map.Entry<StatusTarget, Retry> e : retries.entrySet()) {
          long due = e.getValue().dueNanos() - now;
          if (due <= 0) {
            batch.add(e.getKey());
          } else {
            wait = Math.min(wait, due);
          }
        }
        if (!batch.isEmpty()) {
          return new Batch(new ArrayList<>(batch), term);
        }
        if (wait == Long.MAX_VALUE) {
          wake.await();
        } else {
          wake.awaitNanos(wait);
        }
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  /** The desired status of {@code target} while still leading in {@code batchTerm}, else null. */
  private StatusBody desiredIfLeading(StatusTarget target, long batchTerm) {
    lock.lock();
    try {
      if (!leading(batchTerm)) {
        return null;
      }
      StatusBody body = desired.get(target);
      if (body == null) {
        retries.remove(target);
      }
      return body;
    } finally {
      lock.unlock();
    }
  }

  private boolean leading(long batchTerm) {
    return leader && term == batchTerm && !closed;
  }

  private boolean stillLeading(long batchTerm) {
    lock.lock();
    try {
      return leading(batchTerm);
    } finally {
      lock.unlock();
    }
  }

  private void sync(StatusTarget target, StatusBody body, long batchTerm) {
    CurrentObject now = current.find(target);
    Synced last = synced.get(target);
    if (now != null
        && last != null
        && last.body().equals(body)
        && last.resourceVersion().equals(now.resourceVersion())) {
      events.unchanged(target);
      done(target, body);
      return;
    }
    for (int attempt = 1; now != null; attempt++) {
      Map<String, Object> status = now.status().get();
      Map<String, Object> merged = merge.merge(body, status, clock.instant());
      if (StatusComparison.same(merged, status)) {
        synced.put(target, new Synced(body, now.resourceVersion()));
        events.unchanged(target);
        done(target, body);
        return;
      }
      if (!stillLeading(batchTerm)) {
        return;
      }
      try {
        String written = api.writeStatus(target, now.resourceVersion(), merged);
        synced.put(target, new Synced(body, written));
        LOG.debug("Wrote the status of {}", target);
        events.written(target);
        done(target, body);
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
          break;
        }
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT
            || attempt >= settings.conflictAttempts()) {
          throw e;
        }
        events.conflicted(target);
        now = api.find(target);
      }
    }
    // The object does not exist (any more): nothing to write until a report names it again.
    synced.remove(target);
    events.unchanged(target);
    done(target, body);
  }

  private void done(StatusTarget target, StatusBody body) {
    lock.lock();
    try {
      retries.remove(target);
      if (body == DETACHED && desired.remove(target, DETACHED)) {
        synced.remove(target);
      }
    } finally {
      lock.unlock();
    }
  }

  private void failed(StatusTarget target, long batchTerm, RuntimeException cause) {
    Duration wait;
    int failures;
    lock.lock();
    try {
      if (!leading(batchTerm)) {
        return;
      }
      Retry previous = retries.get(target);
      failures = previous == null ? 1 : previous.failures() + 1;
      wait = settings.backoff(failures);
      retries.put(
          target, new Retry(failures, System.nanoTime() + TimeUnit.NANOSECONDS.convert(wait)));
    } finally {
      lock.unlock();
    }
    LOG.warn(
        "Could not write the status of {} (failure {}), retrying in {}: {}",
        target,
        failures,
        wait,
        cause.getMessage());
    events.failed(target, cause);
  }
}
