package io.gatewire.adapters.k8s.leader;

/**
 * Told when this instance becomes the leader and when it stops being the leader; called on the
 * election's thread.
 */
public interface LeadershipListener {
  void leadershipGained();

  void leadershipLost();
}
