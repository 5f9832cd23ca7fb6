package io.gatewire.benchmarks;

import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.domain.model.GatewayResources;
import java.lang.ref.Reference;

/**
 * Figure 5, run in a JVM of its own ({@code java -cp benchmarks.jar
 * io.gatewire.benchmarks.RetainedHeap ROUTES [SHAPE]}): heap used after full GCs before and after
 * decoding the workload and serving it, so the difference is what the process holds for the
 * configuration: the decoded resources (which the pipeline keeps to recognise no-ops) and the
 * served snapshots with their interned protos. Prints one JSON object.
 */
public final class RetainedHeap {
  private RetainedHeap() {}

  public static void main(String[] args) throws InterruptedException {
    int routes = Integer.parseInt(args[0]);
    String shape = args.length > 1 ? args[1] : Workloads.SMALL;
    // Load and initialise every class on the path first, so class data is not counted.
    Serving warmUp = new Serving();
    warmUp.publish(WorkloadGenerator.resources(Workloads.spec(100, shape)));
    warmUp = null;

    long before = JvmProbe.heapAfterGc();
    GatewayResources resources = WorkloadGenerator.resources(Workloads.spec(routes, shape));
    long afterDecode = JvmProbe.heapAfterGc();
    Serving serving = new Serving();
    serving.publish(resources);
    long afterServing = JvmProbe.heapAfterGc();
    Reference.reachabilityFence(resources);
    Reference.reachabilityFence(serving);
    Reference.reachabilityFence(warmUp);

    System.out.printf(
        "{\"routes\": %d, \"shape\": \"%s\", \"resourcesBytes\": %d, \"servingBytes\": %d, "
            + "\"totalBytes\": %d}%n",
        routes, shape, afterDecode - before, afterServing - afterDecode, afterServing - before);
  }
}
