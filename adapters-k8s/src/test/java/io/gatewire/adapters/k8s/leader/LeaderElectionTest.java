package io.gatewire.adapters.k8s.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One election against the CRUD mock server's Lease. */
@EnableKubernetesMockClient(crud = true, https = false)
class LeaderElectionTest {
  static KubernetesClient client;

  private static final class Recorder implements LeadershipListener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void leadershipGained() {
      events.add("gained");
    }

    @Override
    public void leadershipLost() {
      events.add("lost");
    }
  }

  private static Lease lease(String namespace) {
    return client.resources(Lease.class).inNamespace(namespace).withName("gatewire").get();
  }

  @Test
  void losingTheLeaseStopsLeadingAndTheElectionJoinsAgain() {
    String ns = "stolen";
    Recorder recorder = new Recorder();
    LeaderElection election =
        new LeaderElection(
            client,
            new LeaderElectionSettings(
                ns,
                "gatewire",
                "me",
                Duration.ofMillis(1500),
                Duration.ofMillis(1000),
                Duration.ofMillis(100)),
            recorder);
    try {
      election.start();
      await().atMost(Duration.ofSeconds(10)).until(election::isLeader);
      assertThat(lease(ns).getSpec().getHolderIdentity()).isEqualTo("me");
      assertThat(recorder.events).containsExactly("gained");

      // Another instance holds the lease now (as if this one had missed its renew deadline); the
      // edit
      // is tried again while it conflicts with this instance's renewals.
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(
              () ->
                  client
                          .resources(Lease.class)
                          .inNamespace(ns)
                          .withName("gatewire")
                          .edit(
                              l -> {
                                l.getSpec().setHolderIdentity("intruder");
                                l.getSpec().setLeaseDurationSeconds(1);
                                l.getSpec().setRenewTime(ZonedDateTime.now());
                                return l;
                              })
                      != null);
      await().atMost(Duration.ofSeconds(10)).until(() -> !election.isLeader());
      assertThat(recorder.events).containsExactly("gained", "lost");

      // The intruder never renews: once its lease expired, this instance leads again.
      await().atMost(Duration.ofSeconds(10)).until(election::isLeader);
      assertThat(recorder.events).containsExactly("gained", "lost", "gained");
      assertThat(lease(ns).getSpec().getHolderIdentity()).isEqualTo("me");
    } finally {
      election.close();
    }
    assertThat(election.isLeader()).isFalse();
    assertThat(recorder.events).containsExactly("gained", "lost", "gained", "lost");
    // fabric8 releases a lease by renewing it for one second: another instance leads a second
    // later.
    assertThat(lease(ns).getSpec().getLeaseDurationSeconds()).as("released on close").isEqualTo(1);
  }

  @Test
  void settingsNeedRetryBelowRenewBelowLeaseDuration() {
    LeaderElectionSettings defaults =
        LeaderElectionSettings.defaults("gatewire-system", "gatewire");
    assertThat(defaults.identity()).isNotBlank();
    assertThat(defaults.retryPeriod()).isLessThan(defaults.renewDeadline());
    assertThatThrownBy(
            () ->
                new LeaderElectionSettings(
                    "ns",
                    "lease",
                    "me",
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
