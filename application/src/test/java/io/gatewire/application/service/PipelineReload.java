package io.gatewire.application.service;

/**
 * Test fixture: {@link ConfigurationPipeline}'s reload, what {@code serve} runs on every
 * (debounced) source change, without the debounce timer. Exported in application's test-jar (the
 * benchmarks use it), so the production class stays closed.
 */
public final class PipelineReload {
  private PipelineReload() {}

  public static void reload(ConfigurationPipeline pipeline) {
    pipeline.reload();
  }
}
