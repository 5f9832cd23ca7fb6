package io.gatewire.adapters.k8s.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectorBuilder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes part in the election for one {@code coordination.k8s.io/v1} Lease and tells a {@link
 * LeadershipListener} when this instance gains or loses it. fabric8's LeaderElector runs one term:
 * when it ends (the lease was lost) and this election is not closed, a new elector joins again, so
 * an instance that lost the lease can lead later. {@link #close} cancels the elector, which
 * releases a held lease (ReleaseOnCancel: fabric8 renews it for one second), so another instance
 * takes over about a second later instead of after the full lease duration.
 */
public final class LeaderElection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

  private final KubernetesClient client;
  private final LeaderElectionSettings settings;
  private final LeadershipListener listener;
  private final ExecutorService executor;
  private volatile boolean leader;
  // Guarded by this.
  private CompletableFuture<?> running;
  private boolean closed;

  public LeaderElection(
      KubernetesClient client, LeaderElectionSettings settings, LeadershipListener listener) {
    this.client = client;
    this.settings = settings;
    this.listener = listener;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "gatewire-leader-election");
              thread.setDaemon(true);
              return thread;
            });
  }

  public synchronized void start() {
    if (closed || running != null) {
      throw new IllegalStateException("start once, before close");
    }
    join();
  }

  public boolean isLeader() {
    return leader;
  }

  public String identity() {
    return settings.identity();
  }

  @Override
  public void close() {
    CompletableFuture<?> term;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      term = running;
    }
    if (term != null) {
      term.cancel(true); // stops leading: releases the lease and tells the listener
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(settings.renewDeadline().toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void join() {
    if (closed) {
      return;
    }
    LOG.info(
        "Joining the election for lease {}/{} as {}",
        settings.leaseNamespace(),
        settings.leaseName(),
        settings.identity());
    running =
        new LeaderElectorBuilder(client, executor)
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(settings.leaseName())
                    .withLock(
                        new UpdatingLeaseLock(
                            settings.leaseNamespace(), settings.leaseName(), settings.identity()))
                    .withLeaseDuration(settings.leaseDuration())
                    .withRenewDeadline(settings.renewDeadline())
                    .withRetryPeriod(settings.retryPeriod())
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(this::started, this::stopped, this::newLeader))
                    .build())
            .build()
            .start();
    running.whenComplete((ignored, error) -> join());
  }

  private void started() {
    synchronized (this) {
      if (leader) {
        return;
      }
      leader = true;
    }
    LOG.info(
        "{} leads (lease {}/{})",
        settings.identity(),
        settings.leaseNamespace(),
        settings.leaseName());
    listener.leadershipGained();
  }

  /**
   * fabric8 may report the end of a term twice (on seeing another holder, and when the term's loop
   * ends).
   */
  private void stopped() {
    synchronized (this) {
      if (!leader) {
        return;
      }
      leader = false;
    }
    LOG.info(
        "{} no longer leads (lease {}/{})",
        settings.identity(),
        settings.leaseNamespace(),
        settings.leaseName());
    listener.leadershipLost();
  }

  private void newLeader(String identity) {
    LOG.info(
        "Lease {}/{} is held by {}", settings.leaseNamespace(), settings.leaseName(), identity);
  }
}
