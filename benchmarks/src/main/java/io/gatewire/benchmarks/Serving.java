package io.gatewire.benchmarks;

import io.gatewire.adapters.xds.regex.EnvoyRegexDialect;
import io.gatewire.adapters.xds.serve.ServingOptions;
import io.gatewire.adapters.xds.serve.XdsServing;
import io.gatewire.application.service.ConfigurationPipeline;
import io.gatewire.application.service.PipelineReload;
import io.gatewire.bootstrap.generate.WorkloadGenerator;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What {@code gatewire serve} runs between its source and the wire: a ConfigurationPipeline that
 * translates into an XdsServing (snapshots built and versioned, the gRPC server never started). The
 * source is whatever {@link #publish} was last given, as a file source gives the state after a
 * change.
 */
public final class Serving {
  /** The node group of the generated workload's one Gateway. */
  public static final String GATEWAY_GROUP =
      WorkloadGenerator.GATEWAY_NAMESPACE + "/" + WorkloadGenerator.GATEWAY_NAME;

  private final XdsServing xds;
  private final ConfigurationPipeline pipeline;
  private volatile GatewayResources current = GatewayResources.EMPTY;

  public Serving() {
    this(TranslatorOptions.DEFAULTS);
  }

  public Serving(TranslatorOptions options) {
    xds = new XdsServing(new ServingOptions(0, options.metadata()), new SimpleMeterRegistry());
    pipeline =
        new ConfigurationPipeline(
            () -> current,
            new Translator(options, new EnvoyRegexDialect()),
            xds,
            (statuses, warnings) -> {},
            ConfigurationPipeline.DEFAULT_DEBOUNCE,
            e -> {
              throw new IllegalStateException(e);
            });
  }

  /** The source now gives {@code resources}; reloads as serve does after the debounce. */
  public void publish(GatewayResources resources) {
    current = resources;
    PipelineReload.reload(pipeline);
  }

  public XdsServing xds() {
    return xds;
  }

  public long translations() {
    return pipeline.state().translations();
  }
}
