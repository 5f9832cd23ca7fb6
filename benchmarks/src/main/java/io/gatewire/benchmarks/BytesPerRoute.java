package io.gatewire.benchmarks;

import com.google.protobuf.Message;
import io.gatewire.adapters.xds.serve.ServedVersions;
import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.bootstrap.generate.WorkloadSpec;
import java.util.List;

/**
 * Figure 6: serialized bytes of everything the Gateway's node group is served (sum of {@code
 * toByteArray} sizes of listeners, route configurations, clusters, assignments, secrets) per route,
 * for the three metadata settings. Not timed.
 */
public record BytesPerRoute(
    int routes, String shape, double off, double defaults, double annotations) {

  public static BytesPerRoute measure(int routes, String shape) {
    WorkloadSpec spec = Workloads.spec(routes, shape);
    return new BytesPerRoute(
        routes,
        shape,
        perRoute(spec, WorkloadSpec.Metadata.OFF),
        perRoute(spec, WorkloadSpec.Metadata.DEFAULT),
        perRoute(spec, WorkloadSpec.Metadata.ANNOTATIONS));
  }

  /** Default metadata's overhead over none, in percent. */
  public double defaultOverheadPercent() {
    return 100.0 * (defaults - off) / off;
  }

  public double annotationsOverheadPercent() {
    return 100.0 * (annotations - off) / off;
  }

  static double perRoute(WorkloadSpec spec, WorkloadSpec.Metadata metadata) {
    Serving serving = new Serving();
    serving.publish(WorkloadGenerator.resources(spec.withMetadata(metadata)));
    List<Message> resources = ServedVersions.resources(serving.xds(), Serving.GATEWAY_GROUP);
    long bytes = 0;
    for (Message resource : resources) {
      bytes +=
          (metadata == WorkloadSpec.Metadata.OFF ? MetadataStripper.strip(resource) : resource)
              .toByteArray()
              .length;
    }
    return (double) bytes / spec.routes();
  }
}
