package io.gatewire.adapters.k8s.cluster;

import io.gatewire.adapters.k8s.leader.LeaderElection;
import io.gatewire.adapters.k8s.status.KubernetesStatusWriter;
import io.gatewire.domain.port.StatusSink;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.domain.status.Warning;
import java.util.List;

/**
 * Status write-back for one replica: a {@link KubernetesStatusWriter} that writes only while this
 * replica holds the leader-election Lease. Every replica takes reports; only the leader's reach the
 * cluster. Closing releases the Lease (so another replica takes over at once) and stops the writer.
 */
public final class ClusterStatus implements StatusSink, AutoCloseable {
  private final KubernetesStatusWriter writer;
  private final LeaderElection election;

  ClusterStatus(KubernetesStatusWriter writer, LeaderElection election) {
    this.writer = writer;
    this.election = election;
  }

  void start() {
    writer.start();
    election.start();
  }

  @Override
  public void report(List<ObjectStatus> statuses, List<Warning> warnings) {
    writer.report(statuses, warnings);
  }

  public boolean isLeader() {
    return election.isLeader();
  }

  /** Who this replica is in the Lease. */
  public String identity() {
    return election.identity();
  }

  @Override
  public void close() {
    try {
      election.close();
    } finally {
      writer.close();
    }
  }
}
