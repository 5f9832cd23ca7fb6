package io.gatewire.domain.translate;

import java.util.Map;

/**
 * Benchmark-only access to the sizes of a {@link Translator}'s memos, for the churn soak's leak
 * check. Lives in the benchmarks module under the translator's package so the production class
 * stays closed.
 */
public final class TranslatorMemos {
  private TranslatorMemos() {}

  /** Plans, virtual hosts, Service resolutions and IR Gateways held. */
  public static Map<String, Integer> sizes(Translator translator) {
    return translator.memoSizes();
  }
}
