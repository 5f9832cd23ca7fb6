package io.gatewire.adapters.xds.serve;

import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.Resources.ResourceType;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * The server's meters. Every tag value exists from the start, so dashboards see zeros rather than
 * gaps:
 *
 * <ul>
 *   <li>{@code gatewire.snapshot.builds} (counter, {@code result} = published | unchanged |
 *       inconsistent): one per node group per publish;
 *   <li>{@code gatewire.snapshot.build} (timer): one publish, IR to every snapshot set;
 *   <li>{@code gatewire.xds.resources} (gauge, {@code type} = Listener, RouteConfiguration,
 *       Cluster, ClusterLoadAssignment, Secret): the resources served to the merged group {@code
 *       *}, which holds every Gateway's;
 *   <li>{@code gatewire.xds.streams} (gauge): open xDS streams;
 *   <li>{@code gatewire.xds.nacks} (counter, {@code type} as above): rejected responses.
 * </ul>
 */
final class ServingMetrics {

  /** What became of one node group's build. */
  enum BuildResult {
    PUBLISHED,
    UNCHANGED,
    INCONSISTENT
  }

  private final MeterRegistry registry;
  private final Map<BuildResult, Counter> builds = new EnumMap<>(BuildResult.class);
  private final Map<String, Counter> nacks = new HashMap<>();
  private final Timer build;
  private final AtomicReference<Snapshot> merged = new AtomicReference<>();

  ServingMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (BuildResult result : BuildResult.values()) {
      builds.put(
          result,
          Counter.builder("gatewire.snapshot.builds")
              .description("Node group snapshot builds by outcome")
              .tag("result", result.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
    build =
        Timer.builder("gatewire.snapshot.build")
            .description("Time from a published IR to every node group's snapshot set")
            .register(registry);
    for (String typeUrl : Resources.V3.TYPE_URLS) {
      ResourceType type = Resources.TYPE_URLS_TO_RESOURCE_TYPE.get(typeUrl);
      String shortType = Nack.shortType(typeUrl);
      nacks.put(
          typeUrl,
          Counter.builder("gatewire.xds.nacks")
              .description("Responses that clients rejected")
              .tag("type", shortType)
              .register(registry));
      Gauge.builder("gatewire.xds.resources", merged, holder -> count(holder.get(), type))
          .description("Resources served to the merged node group")
          .tag("type", shortType)
          .register(registry);
    }
  }

  void countStreams(IntSupplier openStreams) {
    Gauge.builder("gatewire.xds.streams", openStreams::getAsInt)
        .description("Open xDS streams")
        .register(registry);
  }

  Timer buildTimer() {
    return build;
  }

  void built(BuildResult result) {
    builds.get(result).increment();
  }

  void nack(Nack nack) {
    Counter counter = nacks.get(nack.typeUrl());
    if (counter != null) {
      counter.increment();
    }
  }

  void mergedIs(Snapshot snapshot) {
    merged.set(snapshot);
  }

  private static double count(Snapshot snapshot, ResourceType type) {
    return snapshot == null ? 0 : snapshot.resources(type).size();
  }
}
