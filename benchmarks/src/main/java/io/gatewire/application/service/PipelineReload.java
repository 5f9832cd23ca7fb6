package io.gatewire.application.service;

/**
 * Benchmark-only access to {@link ConfigurationPipeline}'s reload: what {@code serve} runs on every
 * (debounced) source change, without the debounce timer. Lives in the benchmarks module under the
 * pipeline's package so the production class stays closed.
 */
public final class PipelineReload {
  private PipelineReload() {}

  public static void reload(ConfigurationPipeline pipeline) {
    pipeline.reload();
  }
}
