package io.gatewire.adapters.k8s.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.gatewire.adapters.k8s.leader.LeaderElection;
import io.gatewire.adapters.k8s.leader.LeaderElectionSettings;
import io.gatewire.adapters.k8s.source.KubernetesConfigurationSource;
import io.gatewire.adapters.k8s.source.KubernetesSourceOptions;
import io.gatewire.adapters.k8s.status.CurrentObject;
import io.gatewire.adapters.k8s.status.CurrentObjects;
import io.gatewire.adapters.k8s.status.KubernetesStatusWriter;
import io.gatewire.adapters.k8s.status.StatusTarget;
import io.gatewire.adapters.k8s.status.StatusWriteEvents;
import io.gatewire.adapters.k8s.status.StatusWriterSettings;
import io.gatewire.domain.port.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A connection to one cluster and the ports built on it. Closing it stops every source it created,
 * then closes the client.
 */
public final class KubernetesCluster implements AutoCloseable {
  private final KubernetesClient client;
  private final List<KubernetesConfigurationSource> sources = new ArrayList<>();
  private final List<ClusterStatus> statuses = new ArrayList<>();

  /**
   * Over a client someone else configured (tests: fabric8's mock server); closing this closes it.
   */
  public KubernetesCluster(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Connects with {@code kubeconfig} when given, else as fabric8 finds its configuration ({@code
   * KUBECONFIG}, {@code ~/.kube/config}, or the in-cluster service account).
   *
   * @throws IOException when the kubeconfig cannot be read
   */
  public static KubernetesCluster connect(Optional<Path> kubeconfig) throws IOException {
    Config config =
        kubeconfig.isPresent()
            ? Config.fromKubeconfig(
                null, Files.readString(kubeconfig.get()), kubeconfig.get().toString())
            : Config.autoConfigure(null);
    return new KubernetesCluster(new KubernetesClientBuilder().withConfig(config).build());
  }

  /** Where the client talks to, for the log. */
  public String masterUrl() {
    return client.getMasterUrl().toString();
  }

  /**
   * A configuration source over this cluster.
   *
   * @throws SourceException when the cluster cannot be asked what it serves, or lacks the Gateway
   *     API CRDs
   */
  public synchronized KubernetesConfigurationSource source(KubernetesSourceOptions options)
      throws SourceException {
    KubernetesConfigurationSource source = KubernetesConfigurationSource.create(client, options);
    sources.add(source);
    return source;
  }

  /**
   * Status write-back for {@code controllerName}'s objects, compared against {@code source}'s
   * informer caches (a GET only on a conflict), written while this replica holds the Lease {@code
   * lease}. Started on return; closed with this cluster.
   */
  public synchronized ClusterStatus status(
      String controllerName,
      KubernetesConfigurationSource source,
      LeaderElectionSettings lease,
      StatusWriteEvents events) {
    KubernetesSerialization serialization = client.getKubernetesSerialization();
    CurrentObjects current =
        target ->
            source
                .cached(target.kind(), target.namespace(), target.name())
                .map(object -> CurrentObject.of(object, serialization))
                .orElse(null);
    KubernetesStatusWriter writer =
        new KubernetesStatusWriter(
            client,
            current,
            StatusWriterSettings.defaults(controllerName),
            events,
            Clock.systemUTC());
    source.onStatusEdited(
        (apiVersion, kind, namespace, name) ->
            writer.recheck(new StatusTarget(apiVersion, kind, namespace, name)));
    ClusterStatus status = new ClusterStatus(writer, new LeaderElection(client, lease, writer));
    statuses.add(status);
    status.start();
    return status;
  }

  @Override
  public synchronized void close() {
    statuses.forEach(ClusterStatus::close);
    sources.forEach(KubernetesConfigurationSource::close);
    client.close();
  }
}
