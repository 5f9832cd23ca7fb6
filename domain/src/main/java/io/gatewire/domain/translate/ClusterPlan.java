package io.gatewire.domain.translate;

import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.metadata.ResourceMetadata;
import java.util.List;

/**
 * An upstream cluster as routing decides it, before its endpoints are known: name, discovery,
 * protocol, one locality per backendRef and the metadata of its origins. {@link
 * EndpointsTranslator} turns it into an {@link IrCluster} with the backends' endpoints.
 */
record ClusterPlan(
    String name,
    IrCluster.Discovery discovery,
    IrCluster.Protocol protocol,
    List<LocalityPlan> localities,
    ResourceMetadata metadata) {
  ClusterPlan {
    localities = List.copyOf(localities);
  }

  /** The same cluster reached from another origin: one cluster, every origin once. */
  ClusterPlan mergeOrigins(ClusterPlan other) {
    return new ClusterPlan(name, discovery, protocol, localities, metadata.union(other.metadata));
  }
}
