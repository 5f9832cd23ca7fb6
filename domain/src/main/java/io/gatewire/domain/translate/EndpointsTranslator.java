package io.gatewire.domain.translate;

import io.gatewire.domain.incremental.Memos;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.ir.IrCluster;
import io.gatewire.domain.ir.IrEndpoint;
import io.gatewire.domain.ir.IrGateway;
import io.gatewire.domain.ir.IrLocality;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.metadata.ResourceOrigin;
import io.gatewire.domain.model.EndpointSlice;
import io.gatewire.domain.model.ObjectMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The second step of a translation, like Contour's EndpointsTranslator: the endpoints of every
 * cluster's localities ({@link BackendEndpoints}), from the EndpointSlices, which nothing else
 * reads. A change of EndpointSlices alone re-runs only this step. With endpoint metadata on, each
 * endpoint also carries its locality's backend and the Pod its slice names.
 *
 * <p>It keeps its last result ({@link #ENDPOINTS}) and walks the clusters of the new plans beside
 * the old ones: a cluster planned the same (the same plan instance) whose backends' slices did not
 * change is the previous IR cluster, and a Gateway whose clusters and parts are all the previous
 * ones is the previous IR Gateway, so a sink sees what did not change by identity. A Gateway
 * planned the same whose backends' slices changed is its previous IR with the clusters that read
 * them built again ({@link BackendClusters}).
 *
 * <p>Which slices each backend has, and which backends' slices changed, is {@link SliceIndex}'s.
 *
 * <p>Slightly over the usual size: the walk beside the previous result and the patch of one
 * Gateway's clusters share that result's state and read best side by side.
 */
final class EndpointsTranslator {
  /** The last IR, from the Gateway plans, the EndpointSlices and the metadata options. */
  static final String ENDPOINTS = "translate.endpoints";

  private EndpointsTranslator() {}

  /** What this step reads. */
  private record Inputs(
      List<GatewayPlan> gateways, List<EndpointSlice> slices, MetadataOptions metadata) {}

  /** A backend object and port, whatever its version. */
  private record BackendKey(String kind, String namespace, String name, OptionalInt port) {}

  static Ir translate(
      Memos memos,
      MetadataOptions metadata,
      List<GatewayPlan> gateways,
      List<EndpointSlice> slices) {
    return memos
        .<String, Ir>memo(ENDPOINTS)
        .update(
            ENDPOINTS,
            new Inputs(gateways, slices, metadata),
            (Inputs previous, Ir previousIr) -> {
              Supplier<Map<SliceIndex.SliceKey, List<EndpointSlice>>> index =
                  () -> SliceIndex.of(memos, slices);
              return previous == null || !previous.metadata().equals(metadata)
                  ? new Run(memos, metadata, slices, index, null, null).ir(gateways)
                  : new Run(memos, metadata, slices, index, previous, previousIr).ir(gateways);
            });
  }

  /** One run of the step, reusing what it can of the previous one. */
  private static final class Run {
    private final Memos memos;
    private final MetadataOptions metadata;
    private final Supplier<Map<SliceIndex.SliceKey, List<EndpointSlice>>> sliceIndex;
    private Map<SliceIndex.SliceKey, List<EndpointSlice>> slicesByKey;
    private final Map<String, Integer> previousGateways = new HashMap<>();
    private final Inputs previous;
    private final Ir previousIr;

    /** The backends whose slices changed; null when everything must be built. */
    private final Set<SliceIndex.SliceKey> touched;

    /** The names of those backends: most clusters are told apart by name alone. */
    private final Set<String> touchedNames = new HashSet<>();

    private final Map<BackendKey, List<BackendEndpoints.Endpoint>> endpoints = new HashMap<>();

    Run(
        Memos memos,
        MetadataOptions metadata,
        List<EndpointSlice> slices,
        Supplier<Map<SliceIndex.SliceKey, List<EndpointSlice>>> sliceIndex,
        Inputs previous,
        Ir previousIr) {
      this.memos = memos;
      this.metadata = metadata;
      this.sliceIndex = sliceIndex;
      this.previous = previous;
      this.previousIr = previousIr;
      this.touched = previous == null ? null : SliceIndex.touched(previous.slices(), slices);
      if (touched != null) {
        touched.forEach(key -> touchedNames.add(key.name()));
      }
      if (previous != null) {
        for (int i = 0; i < previous.gateways().size(); i++) {
          previousGateways.put(previous.gateways().get(i).key(), i);
        }
      }
    }

    Ir ir(List<GatewayPlan> gateways) {
      List<IrGateway> irGateways = new ArrayList<>(gateways.size());
      for (GatewayPlan plan : gateways) {
        Integer before = previousGateways.get(plan.key());
        irGateways.add(
            before == null
                ? gateway(plan, null, null)
                : gateway(
                    plan, previous.gateways().get(before), previousIr.gateways().get(before)));
      }
      return new Ir(irGateways);
    }

    /**
     * The IR of {@code plan}: its clusters walked beside the previous plan's ({@code before}, null
     * for none) and IR's ({@code beforeIr}), which the previous run built in the same order.
     */
    private IrGateway gateway(GatewayPlan plan, GatewayPlan before, IrGateway beforeIr) {
      if (before == plan && touched != null) {
        return touched.isEmpty() ? beforeIr : patched(plan, beforeIr);
      }
      List<ClusterPlan> wasPlanned = before == null ? List.of() : before.clusters();
      Map<String, Integer> byName = null;
      List<IrCluster> clusters = new ArrayList<>(plan.clusters().size());
      for (int i = 0; i < plan.clusters().size(); i++) {
        ClusterPlan cluster = plan.clusters().get(i);
        int was = i;
        if (was >= wasPlanned.size() || wasPlanned.get(was) != cluster) {
          if (byName == null) {
            byName = new HashMap<>();
            for (int j = 0; j < wasPlanned.size(); j++) {
              byName.put(wasPlanned.get(j).name(), j);
            }
          }
          was = byName.getOrDefault(cluster.name(), -1);
        }
        boolean reusable =
            was >= 0 && wasPlanned.get(was) == cluster && touched != null && !touches(cluster);
        clusters.add(reusable ? beforeIr.clusters().get(was) : cluster(cluster));
      }
      return irGateway(plan, clusters, beforeIr);
    }

    /**
     * The IR of {@code plan}, planned as before: the previous IR ({@code beforeIr}) with the
     * clusters that read the slices of touched backends built again, found by {@link
     * BackendClusters} without walking the others.
     */
    private IrGateway patched(GatewayPlan plan, IrGateway beforeIr) {
      Set<Integer> rebuilt = BackendClusters.reading(memos, plan, touched);
      if (rebuilt.isEmpty()) {
        return beforeIr;
      }
      List<IrCluster> clusters = new ArrayList<>(beforeIr.clusters());
      rebuilt.forEach(i -> clusters.set(i, cluster(plan.clusters().get(i))));
      return irGateway(plan, clusters, beforeIr);
    }

    /** The IR Gateway of {@code plan} with {@code clusters}: {@code beforeIr} if equal to it. */
    private static IrGateway irGateway(
        GatewayPlan plan, List<IrCluster> clusters, IrGateway beforeIr) {
      IrGateway built =
          new IrGateway(
              plan.key(),
              plan.listeners(),
              plan.routeConfigs(),
              clusters,
              plan.secrets(),
              plan.settings());
      return built.equals(beforeIr) ? beforeIr : built;
    }

    private boolean touches(ClusterPlan cluster) {
      if (touched.isEmpty()) {
        return false;
      }
      for (LocalityPlan locality : cluster.localities()) {
        if (!touchedNames.contains(locality.source().backend().meta().name())) {
          continue;
        }
        SliceIndex.SliceKey key = SliceIndex.SliceKey.of(locality.source());
        if (key != null && touched.contains(key)) {
          return true;
        }
      }
      return false;
    }

    private IrCluster cluster(ClusterPlan plan) {
      List<IrLocality> localities = new ArrayList<>(plan.localities().size());
      for (LocalityPlan l : plan.localities()) {
        localities.add(
            new IrLocality(
                l.region(), l.weight(), irEndpoints(l, endpoints(l.source())), l.metadata()));
      }
      return new IrCluster(
          plan.name(), plan.discovery(), plan.protocol(), localities, plan.metadata());
    }

    private List<BackendEndpoints.Endpoint> endpoints(LocalityPlan.Source source) {
      ObjectMeta meta = source.backend().meta();
      return endpoints.computeIfAbsent(
          new BackendKey(meta.kind(), meta.namespace(), meta.name(), source.port()),
          key -> {
            SliceIndex.SliceKey sliceKey = SliceIndex.SliceKey.of(source);
            List<EndpointSlice> ofBackend =
                sliceKey == null ? List.of() : slicesByKey().getOrDefault(sliceKey, List.of());
            return BackendEndpoints.of(source, ofBackend);
          });
    }

    private Map<SliceIndex.SliceKey, List<EndpointSlice>> slicesByKey() {
      if (slicesByKey == null) {
        slicesByKey = sliceIndex.get();
      }
      return slicesByKey;
    }

    private List<IrEndpoint> irEndpoints(
        LocalityPlan locality, List<BackendEndpoints.Endpoint> found) {
      List<IrEndpoint> irEndpoints = new ArrayList<>(found.size());
      for (BackendEndpoints.Endpoint e : found) {
        ResourceMetadata endpointMetadata = ResourceMetadata.NONE;
        if (metadata.endpointMetadata()) {
          endpointMetadata = locality.metadata();
          if (e.targetRef() != null) {
            endpointMetadata =
                endpointMetadata.union(
                    ResourceMetadata.of(
                        new ResourceOrigin(
                            e.targetRef().kind(),
                            "v1",
                            e.targetRef().namespace(),
                            e.targetRef().name(),
                            null,
                            null,
                            null)));
          }
        }
        irEndpoints.add(new IrEndpoint(e.address(), e.port(), endpointMetadata));
      }
      return irEndpoints;
    }
  }
}
