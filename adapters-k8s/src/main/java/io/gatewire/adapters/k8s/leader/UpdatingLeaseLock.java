package io.gatewire.adapters.k8s.leader;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@code coordination.k8s.io/v1} Lease lock that renews and takes over with {@code update} (a PUT
 * carrying the resourceVersion last read, so a concurrent writer gets 409 Conflict), as the
 * Kubernetes controllers' own leader election does. fabric8's LeaseLock renews with a JSON merge
 * {@code patch}, a verb the documented Role does not grant: under RBAC every renewal was forbidden
 * and the leader stepped down seconds after it was elected. With this lock the Role needs {@code
 * get}, {@code create} and {@code update} on leases, nothing more.
 */
final class UpdatingLeaseLock implements Lock {
  private final String namespace;
  private final String name;
  private final String identity;
  // Guarded by this: the Lease as last read or written, whose resourceVersion the next update
  // sends.
  private Lease lease;

  UpdatingLeaseLock(String namespace, String name, String identity) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.name = Objects.requireNonNull(name, "name");
    this.identity = Objects.requireNonNull(identity, "identity");
  }

  @Override
  public synchronized LeaderElectionRecord get(KubernetesClient client) {
    lease = client.leases().inNamespace(namespace).withName(name).get();
    return lease == null || lease.getSpec() == null ? null : record(lease.getSpec());
  }

  @Override
  public synchronized void create(KubernetesClient client, LeaderElectionRecord record) {
    lease = client.resource(lease(record, null)).create();
  }

  @Override
  public synchronized void update(KubernetesClient client, LeaderElectionRecord record) {
    if (lease == null) {
      throw new IllegalStateException("update before get: no resourceVersion to update from");
    }
    lease = client.resource(lease(record, lease.getMetadata().getResourceVersion())).update();
  }

  @Override
  public String identity() {
    return identity;
  }

  @Override
  public String describe() {
    return "Lease: " + namespace + " - " + name + " (" + identity + ")";
  }

  private Lease lease(LeaderElectionRecord record, String resourceVersion) {
    return new LeaseBuilder()
        .withMetadata(
            new ObjectMetaBuilder()
                .withNamespace(namespace)
                .withName(name)
                .withResourceVersion(resourceVersion)
                .build())
        .withNewSpec()
        .withHolderIdentity(record.getHolderIdentity())
        .withLeaseDurationSeconds((int) record.getLeaseDuration().toSeconds())
        .withAcquireTime(record.getAcquireTime())
        .withRenewTime(record.getRenewTime())
        .withLeaseTransitions(record.getLeaderTransitions())
        .endSpec()
        .build();
  }

  private static LeaderElectionRecord record(LeaseSpec spec) {
    return new LeaderElectionRecord(
        spec.getHolderIdentity(),
        Duration.ofSeconds(
            spec.getLeaseDurationSeconds() == null ? 0 : spec.getLeaseDurationSeconds()),
        spec.getAcquireTime(),
        spec.getRenewTime(),
        spec.getLeaseTransitions() == null ? 0 : spec.getLeaseTransitions());
  }
}
