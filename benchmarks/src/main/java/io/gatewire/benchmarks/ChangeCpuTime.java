package io.gatewire.benchmarks;

import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.bootstrap.generate.WorkloadSpec;
import io.gatewire.domain.model.GatewayResources;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Figures 2-4 as {@link ChangeBenchmark} runs them, timed by the CPU time of the thread that
 * publishes as well as by the clock: on a machine shared with other work the CPU time of the change
 * itself moves much less than its wall time (it leaves out the garbage collector's own threads, so
 * it is a floor). Hand-run: {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar
 * io.gatewire.benchmarks.ChangeCpuTime 10000 200 400} (routes, warm-up and measured operations per
 * figure; a fourth argument runs that figure alone ({@code all}: every one), or {@code fullBuild}:
 * figure 1, a new serving pipeline given the {@code 1x1} workload; a fifth lists options, comma
 * separated: {@code fresh} hands the changes over freshly decoded instead of sharing the unchanged
 * objects as the file source does, {@code shared} gives every route the one shared hostname). Not a
 * test.
 */
public final class ChangeCpuTime {
  private ChangeCpuTime() {}

  public static void main(String[] args) {
    int routes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int measured = args.length > 2 ? Integer.parseInt(args[2]) : 400;
    String only = args.length > 3 && !args[3].equals("all") ? args[3] : "";
    List<String> options = args.length > 4 ? List.of(args[4].split(",")) : List.of();
    boolean fresh = options.contains("fresh");
    if (only.equals("fullBuild")) {
      GatewayResources resources =
          WorkloadGenerator.decode(WorkloadGenerator.yaml(Workloads.spec(routes, Workloads.SMALL)));
      measure("fullBuild", () -> new Serving().publish(resources), warmup, measured);
      return;
    }
    WorkloadSpec spec = Workloads.spec(routes, Workloads.ENDPOINTS);
    if (options.contains("shared")) {
      spec = spec.withHostnames(WorkloadSpec.Hostnames.SHARED);
    }
    String yaml = WorkloadGenerator.yaml(spec);
    GatewayResources original = WorkloadGenerator.decode(yaml);
    GatewayResources equalCopy = WorkloadGenerator.decode(yaml);
    GatewayResources otherEqualCopy = WorkloadGenerator.decode(yaml);
    GatewayResources routeEdited = WorkloadGenerator.decode(Workloads.editMiddleRoute(yaml, spec));
    GatewayResources endpointMoved =
        WorkloadGenerator.decode(Workloads.moveMiddleEndpoint(yaml, spec));
    if (!fresh) {
      routeEdited = Workloads.sharingUnchanged(original, routeEdited);
      endpointMoved = Workloads.sharingUnchanged(original, endpointMoved);
    }
    Serving serving = new Serving();
    serving.publish(original);
    if (only.isEmpty() || only.equals("routeEdit")) {
      measure("routeEdit", serving, routeEdited, original, warmup, measured);
    }
    if (only.isEmpty() || only.equals("endpointChange")) {
      measure("endpointChange", serving, endpointMoved, original, warmup, measured);
    }
    if (only.isEmpty() || only.equals("noOpEqualInput")) {
      measure("noOpEqualInput", serving, equalCopy, otherEqualCopy, warmup, measured);
    }
  }

  /** Publishes {@code changed} and {@code original} in turn, each publish one operation. */
  private static void measure(
      String name,
      Serving serving,
      GatewayResources changed,
      GatewayResources original,
      int warmup,
      int measured) {
    boolean[] edited = {false};
    measure(
        name,
        () -> {
          edited[0] = !edited[0];
          serving.publish(edited[0] ? changed : original);
        },
        warmup,
        measured);
  }

  private static void measure(String name, Runnable operation, int warmup, int measured) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] cpu = new long[measured];
    long[] wall = new long[measured];
    for (int i = 0; i < warmup + measured; i++) {
      long cpuBefore = threads.getCurrentThreadCpuTime();
      long wallBefore = System.nanoTime();
      operation.run();
      if (i >= warmup) {
        cpu[i - warmup] = threads.getCurrentThreadCpuTime() - cpuBefore;
        wall[i - warmup] = System.nanoTime() - wallBefore;
      }
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    System.out.printf(
        "%-15s cpu median %6.1f ms p10 %6.1f p90 %6.1f | wall median %6.1f ms p10 %6.1f p90 %6.1f%n",
        name,
        cpu[measured / 2] / 1e6,
        cpu[measured / 10] / 1e6,
        cpu[measured * 9 / 10] / 1e6,
        wall[measured / 2] / 1e6,
        wall[measured / 10] / 1e6,
        wall[measured * 9 / 10] / 1e6);
  }
}
