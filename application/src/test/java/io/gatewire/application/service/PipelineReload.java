package io.gatewire.application.service;

import java.util.Map;

/**
 * Test fixture: {@link ConfigurationPipeline}'s reload, what {@code serve} runs on every
 * (debounced) source change, without the debounce timer, and the sizes of the translator's memos it
 * keeps. Exported in application's test-jar (the benchmarks use it), so the production class stays
 * closed.
 */
public final class PipelineReload {
  private PipelineReload() {}

  public static void reload(ConfigurationPipeline pipeline) {
    pipeline.reload();
  }

  /** The entries of each translator memo the pipeline keeps, by memo name. */
  public static Map<String, Integer> memoSizes(ConfigurationPipeline pipeline) {
    return pipeline.memoSizes();
  }
}
