package io.gatewire.adapters.k8s.status;

import static io.gatewire.adapters.k8s.status.Statuses.parent;
import static io.gatewire.adapters.k8s.status.Statuses.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gatewire.adapters.k8s.leader.LeaderElection;
import io.gatewire.adapters.k8s.leader.LeaderElectionSettings;
import io.gatewire.domain.status.ObjectStatus;
import io.gatewire.testkit.kube.DeployRbac;
import io.gatewire.testkit.kube.KubeApiServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Gatewire instances (a status writer and a leader election each, different identities) against
 * one API server: exactly one leads and only it writes; when it closes, the other takes over and
 * writes the latest statuses it has, without waiting for a new translation. On a real API server,
 * both as the ServiceAccount of docs/deploy, the Lease in its namespace.
 */
class LeaderHandoverTest {
  private static final String LEASE_NAMESPACE = DeployRbac.DOCUMENTED_NAMESPACE;
  private static KubernetesClient client;
  private static KubernetesClient gatewire;

  @BeforeAll
  static void documentedInstall() {
    KubeApiServer server = KubeApiServer.shared();
    client = server.admin();
    gatewire = server.client(DeployRbac.apply(server, LEASE_NAMESPACE));
  }

  @AfterAll
  static void closeClient() {
    gatewire.close();
  }

  private record Instance(
      String identity,
      KubernetesStatusWriter writer,
      RecordedWrites events,
      LeaderElection election) {
    void close() {
      try {
        election.close();
      } finally {
        writer.close();
      }
    }
  }

  private static Instance instance(String namespace, String identity) {
    RecordedWrites events = new RecordedWrites();
    KubernetesStatusWriter writer =
        new KubernetesStatusWriter(
            gatewire,
            new ApiServerObjects(gatewire),
            new StatusWriterSettings(
                Example.OURS, 3, Duration.ofMillis(50), Duration.ofMillis(200)),
            events,
            Clock.systemUTC());
    writer.start();
    LeaderElectionSettings settings =
        new LeaderElectionSettings(
            LEASE_NAMESPACE,
            "gatewire-status-" + namespace,
            identity,
            Duration.ofMillis(3000),
            Duration.ofMillis(2000),
            Duration.ofMillis(250));
    return new Instance(identity, writer, events, new LeaderElection(gatewire, settings, writer));
  }

  @Test
  void onlyTheLeaderWritesAndTheOtherTakesOverWithTheLatestStatuses() throws InterruptedException {
    String ns = "handover";
    ClusterObjects cluster = new ClusterObjects(client).create(Example.YAML, ns);
    StatusTarget cross = Example.httpRoute(ns, "cross");
    Instance a = instance(ns, "gatewire-a");
    Instance b = instance(ns, "gatewire-b");
    try {
      List<ObjectStatus> withGrant = cluster.translate();
      a.writer().report(withGrant, List.of());
      b.writer().report(withGrant, List.of());
      a.election().start();
      b.election().start();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> a.election().isLeader() || b.election().isLeader());
      Instance leader = a.election().isLeader() ? a : b;
      Instance follower = leader == a ? b : a;
      assertThat(follower.election().isLeader()).as("exactly one leader").isFalse();
      assertThat(
              client
                  .resources(Lease.class)
                  .inNamespace(LEASE_NAMESPACE)
                  .withName("gatewire-status-" + ns)
                  .get()
                  .getSpec()
                  .getHolderIdentity())
          .isEqualTo(leader.identity());

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> leader.events().written.size() == withGrant.size());
      assertThat(follower.events().written).as("the follower writes nothing").isEmpty();
      assertThat(follower.events().unchanged).isEmpty();

      // Only the follower sees the translation after the grant is gone: it still writes nothing.
      cluster.delete("ReferenceGrant", ns + "-b", "allow");
      List<ObjectStatus> withoutGrant = cluster.translate();
      follower.writer().report(withoutGrant, List.of());
      Thread.sleep(300);
      assertThat(follower.events().written).isEmpty();
      assertThat(summary(parent(status(cross), Example.OURS, "eg"), "ResolvedRefs"))
          .isEqualTo("True/ResolvedRefs");

      // The leader shuts down and releases the lease: the follower leads and writes what it has.
      leader.close();
      assertThat(leader.election().isLeader()).isFalse();
      await().atMost(Duration.ofSeconds(10)).until(() -> follower.election().isLeader());
      await().atMost(Duration.ofSeconds(10)).until(() -> follower.events().written.contains(cross));
      assertThat(summary(parent(status(cross), Example.OURS, "eg"), "ResolvedRefs"))
          .isEqualTo("False/RefNotPermitted");
      assertThat(follower.events().written)
          .as("only what changed since the old leader wrote")
          .doesNotContain(
              Example.httpRoute(ns, "web"),
              Example.tcpRoute(ns, "db"),
              Example.gatewayClass(ns + "-class"));
      assertThat(
              client
                  .resources(Lease.class)
                  .inNamespace(LEASE_NAMESPACE)
                  .withName("gatewire-status-" + ns)
                  .get()
                  .getSpec()
                  .getHolderIdentity())
          .isEqualTo(follower.identity());
    } finally {
      a.close();
      b.close();
    }
  }

  private static Map<String, Object> status(StatusTarget target) {
    return new ApiServerObjects(client).find(target).status().get();
  }
}
