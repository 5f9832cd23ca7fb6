package io.gatewire.adapters.k8s.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gatewire.testkit.kube.DeployRbac;
import io.gatewire.testkit.kube.KubeApiServer;
import io.gatewire.testkit.kube.KubeUser;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Elections on a real API server with RBAC, as the ServiceAccount of docs/deploy bound by its Role
 * and nothing else: the Lease is kept over many renewals (fabric8's own lock renewed with {@code
 * patch}, which the Role does not grant, and lost the Lease within seconds), lost to another holder
 * and taken back, released on close.
 */
class LeaderElectionTest {
  private static final String NS = DeployRbac.DOCUMENTED_NAMESPACE;
  private static KubeApiServer server;
  private static KubernetesClient gatewire;

  @BeforeAll
  static void documentedInstall() {
    server = KubeApiServer.shared();
    DeployRbac.apply(server, NS);
    gatewire = server.client(KubeUser.GATEWIRE);
  }

  @AfterAll
  static void close() {
    gatewire.close();
  }

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

  private static Lease lease(String name) {
    return server.admin().leases().inNamespace(NS).withName(name).get();
  }

  private static LeaderElection election(String lease, String identity, Recorder recorder) {
    return new LeaderElection(
        gatewire,
        new LeaderElectionSettings(
            NS,
            lease,
            identity,
            Duration.ofMillis(3000),
            Duration.ofMillis(2000),
            Duration.ofMillis(250)),
        recorder);
  }

  @Test
  void documentedRole_keepsTheLease_overManyRenewals() {
    Recorder recorder = new Recorder();
    LeaderElection election = election("renewals", "replica-a", recorder);
    try {
      election.start();
      await().atMost(Duration.ofSeconds(15)).until(election::isLeader);
      ZonedDateTime firstRenewal = lease("renewals").getSpec().getRenewTime();
      List<String> renewals = new ArrayList<>();

      // 8 s: 32 retry periods, more than two lease durations; every renewal must go through.
      long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
      while (System.nanoTime() < end) {
        assertThat(election.isLeader()).isTrue();
        renewals.add(lease("renewals").getMetadata().getResourceVersion());
        sleep(Duration.ofMillis(500));
      }

      Lease last = lease("renewals");
      assertThat(last.getSpec().getHolderIdentity()).isEqualTo("replica-a");
      assertThat(last.getSpec().getLeaseTransitions()).isZero();
      assertThat(Duration.between(firstRenewal, last.getSpec().getRenewTime()))
          .isGreaterThan(Duration.ofSeconds(7));
      assertThat(renewals.stream().distinct().count())
          .as("resourceVersions seen")
          .isGreaterThan(10);
      assertThat(recorder.events).containsExactly("gained");
    } finally {
      election.close();
    }
  }

  @Test
  void twoReplicas_oneLeads_theOtherTakesOverWhenItCloses() {
    Recorder first = new Recorder();
    Recorder second = new Recorder();
    LeaderElection a = election("handover", "replica-a", first);
    LeaderElection b = election("handover", "replica-b", second);
    try {
      a.start();
      await().atMost(Duration.ofSeconds(15)).until(a::isLeader);
      b.start();
      sleep(Duration.ofSeconds(2));
      assertThat(b.isLeader()).isFalse();

      a.close();
      await().atMost(Duration.ofSeconds(10)).until(b::isLeader);
      assertThat(lease("handover").getSpec().getHolderIdentity()).isEqualTo("replica-b");
      assertThat(first.events).containsExactly("gained", "lost");
    } finally {
      a.close();
      b.close();
    }
  }

  @Test
  void losingTheLeaseStopsLeadingAndTheElectionJoinsAgain() {
    Recorder recorder = new Recorder();
    LeaderElection election = election("stolen", "me", recorder);
    try {
      election.start();
      await().atMost(Duration.ofSeconds(15)).until(election::isLeader);
      assertThat(lease("stolen").getSpec().getHolderIdentity()).isEqualTo("me");
      assertThat(recorder.events).containsExactly("gained");

      // Another instance holds the lease now (as if this one had missed its renew deadline); the
      // edit is tried again while it conflicts with this instance's renewals (409 from the server).
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(
              () ->
                  server
                          .admin()
                          .leases()
                          .inNamespace(NS)
                          .withName("stolen")
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
      assertThat(lease("stolen").getSpec().getHolderIdentity()).isEqualTo("me");
    } finally {
      election.close();
    }
    assertThat(election.isLeader()).isFalse();
    assertThat(recorder.events).containsExactly("gained", "lost", "gained", "lost");
    // fabric8 releases a lease by renewing it for one second: another instance leads a second
    // later.
    assertThat(lease("stolen").getSpec().getLeaseDurationSeconds())
        .as("released on close")
        .isEqualTo(1);
  }

  @Test
  void withoutTheLeaseUpdateRule_noReplicaEverLeads() {
    String ns = "gatewire-lease";
    KubeUser user = DeployRbac.apply(server, ns);
    // The documented Role minus "update": creating the Lease works, renewing it is forbidden.
    server
        .admin()
        .rbac()
        .roles()
        .inNamespace(ns)
        .withName("gatewire-leader-election")
        .edit(
            role -> {
              PolicyRule rule = role.getRules().get(0);
              rule.setVerbs(List.of("get", "create"));
              return role;
            });
    Recorder recorder = new Recorder();
    try (KubernetesClient client = server.client(user)) {
      LeaderElection election =
          new LeaderElection(
              client,
              new LeaderElectionSettings(
                  ns,
                  "no-update",
                  "me",
                  Duration.ofMillis(3000),
                  Duration.ofMillis(2000),
                  Duration.ofMillis(250)),
              recorder);
      try {
        election.start();
        // It creates the Lease and leads, then every renewal (an update) is forbidden: it steps
        // down within the renew deadline and never leads again.
        await().atMost(Duration.ofSeconds(15)).until(() -> recorder.events.contains("lost"));
        sleep(Duration.ofSeconds(4));
        assertThat(election.isLeader()).isFalse();
        assertThat(recorder.events).containsExactly("gained", "lost");
      } finally {
        election.close();
      }
    }
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

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
