package io.gatewire.benchmarks;

import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.bootstrap.generate.WorkloadSpec;
import io.gatewire.domain.model.GatewayResources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Figures 2-4 on a serving pipeline that already serves the workload: each operation is one source
 * change reloaded as {@code serve} reloads after a file change, from the decoded state to the new
 * snapshot. The edits alternate (edited, original, edited, ...) so every operation is a real
 * change. A changed input shares every unchanged object's instance with the original, as the file
 * source hands over an edit ({@link Workloads#sharingUnchanged}). Which resources change version is
 * measured by {@link VersionChanges}, outside the timing.
 */
@State(Scope.Benchmark)
public class ChangeBenchmark {
  @Param({"10000"})
  public int routes;

  @Param({Workloads.ENDPOINTS})
  public String shape;

  private GatewayResources original;
  private GatewayResources equalCopy;
  private GatewayResources otherEqualCopy;
  private GatewayResources routeEdited;
  private GatewayResources endpointMoved;
  private Serving serving;
  private boolean edited;

  @Setup
  public void setUp() {
    WorkloadSpec spec = Workloads.spec(routes, shape);
    String yaml = WorkloadGenerator.yaml(spec);
    original = WorkloadGenerator.decode(yaml);
    equalCopy = WorkloadGenerator.decode(yaml);
    otherEqualCopy = WorkloadGenerator.decode(yaml);
    routeEdited =
        Workloads.sharingUnchanged(
            original, WorkloadGenerator.decode(Workloads.editMiddleRoute(yaml, spec)));
    endpointMoved =
        Workloads.sharingUnchanged(
            original, WorkloadGenerator.decode(Workloads.moveMiddleEndpoint(yaml, spec)));
    serving = new Serving();
    serving.publish(original);
  }

  /** Figure 2: one HTTPRoute's path changed. */
  @Benchmark
  public Serving routeEdit() {
    return toggle(routeEdited);
  }

  /** Figure 3: one EndpointSlice's address changed. */
  @Benchmark
  public Serving endpointChange() {
    return toggle(endpointMoved);
  }

  /**
   * Figure 4: the source reloads and gives resources equal to, but never the same instance as,
   * those last loaded (as after a save that changes only comments or layout; an unchanged file
   * gives the very same instance, which costs nothing). Two copies alternate so that holds
   * whichever instance the pipeline keeps.
   */
  @Benchmark
  public Serving noOpEqualInput() {
    edited = !edited;
    serving.publish(edited ? equalCopy : otherEqualCopy);
    return serving;
  }

  private Serving toggle(GatewayResources change) {
    edited = !edited;
    serving.publish(edited ? change : original);
    return serving;
  }
}
