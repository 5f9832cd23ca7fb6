package io.gatewire.adapters.k8s.leader;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * The Lease to hold ({@code leaseNamespace}/{@code leaseName}), who this instance is, and the
 * timing of fabric8's LeaderElector: a leader renews within {@code renewDeadline} or steps down;
 * the others take over once {@code leaseDuration} passed without renewal; everyone retries every
 * {@code retryPeriod}.
 */
public record LeaderElectionSettings(
    String leaseNamespace,
    String leaseName,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {
  public LeaderElectionSettings {
    Objects.requireNonNull(leaseNamespace, "leaseNamespace");
    Objects.requireNonNull(leaseName, "leaseName");
    Objects.requireNonNull(identity, "identity");
    if (retryPeriod.compareTo(renewDeadline) >= 0 || renewDeadline.compareTo(leaseDuration) >= 0) {
      throw new IllegalArgumentException("need retryPeriod < renewDeadline < leaseDuration");
    }
  }

  /**
   * The Kubernetes controllers' timing (15 s lease, 10 s renew deadline, 2 s retry), as {@link
   * #defaultIdentity()}.
   */
  public static LeaderElectionSettings defaults(String leaseNamespace, String leaseName) {
    return new LeaderElectionSettings(
        leaseNamespace,
        leaseName,
        defaultIdentity(),
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }

  /**
   * The pod name ({@code POD_NAME}, as the downward API sets it, else {@code HOSTNAME}), else the
   * host name.
   */
  public static String defaultIdentity() {
    for (String variable : new String[] {"POD_NAME", "HOSTNAME"}) {
      String value = System.getenv(variable);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "gatewire-" + ProcessHandle.current().pid();
    }
  }

  public LeaderElectionSettings withIdentity(String newIdentity) {
    return new LeaderElectionSettings(
        leaseNamespace, leaseName, newIdentity, leaseDuration, renewDeadline, retryPeriod);
  }
}
