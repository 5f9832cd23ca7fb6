package io.gatewire.benchmarks;

import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.domain.model.GatewayResources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Figure 1: decoded resources to served snapshots from scratch (a new pipeline and XdsServing per
 * operation, so nothing is interned from a previous build): Translator, IR, xDS protos, content
 * versions, snapshots for the Gateway and for {@code *}.
 */
@State(Scope.Benchmark)
public class FullTranslationBenchmark {
  @Param({"100", "1000", "10000"})
  public int routes;

  @Param({Workloads.SMALL})
  public String shape;

  private GatewayResources resources;

  @Setup
  public void setUp() {
    resources = WorkloadGenerator.resources(Workloads.spec(routes, shape));
  }

  @Benchmark
  public XdsServing fullBuild() {
    Serving serving = new Serving();
    serving.publish(resources);
    return serving.xds();
  }
}
