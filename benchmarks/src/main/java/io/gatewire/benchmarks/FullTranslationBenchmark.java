package io.gatewire.benchmarks;

import io.gatewire.adapters.xds.XdsResources;
import io.gatewire.adapters.xds.XdsTranslator;
import io.gatewire.adapters.xds.regex.EnvoyRegexDialect;
import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Figure 1: decoded resources to served snapshots from scratch (a new pipeline and XdsServing per
 * operation, so nothing is interned from a previous build): Translator, IR, xDS protos, content
 * versions, snapshots for the Gateway and for {@code *}. {@link #translateOnly} and {@link
 * #translateAndMap} stop after the IR and after the protos, to split the time (not part of the
 * report; run them with {@code java -jar benchmarks.jar FullTranslationBenchmark}).
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

  @Benchmark
  public Ir translateOnly() {
    return new Translator(TranslatorOptions.DEFAULTS, new EnvoyRegexDialect())
        .translate(resources)
        .ir();
  }

  /** The IR mapped as XdsServing maps it: each Gateway, then their union for {@code *}. */
  @Benchmark
  public XdsResources translateAndMap() {
    Ir ir =
        new Translator(TranslatorOptions.DEFAULTS, new EnvoyRegexDialect())
            .translate(resources)
            .ir();
    XdsTranslator xds = new XdsTranslator(TranslatorOptions.DEFAULTS.metadata());
    return XdsResources.union(ir.gateways().stream().map(xds::translate).toList());
  }
}
