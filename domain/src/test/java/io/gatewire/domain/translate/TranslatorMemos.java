package io.gatewire.domain.translate;

import java.util.Map;

/**
 * Test fixture: the sizes of a {@link Translator}'s memos, for leak checks such as the churn
 * soak's. Exported in domain's test-jar, so the production class stays closed.
 */
public final class TranslatorMemos {
  private TranslatorMemos() {}

  /** Plans, virtual hosts, Service resolutions and IR Gateways held. */
  public static Map<String, Integer> sizes(Translator translator) {
    return translator.memoSizes();
  }
}
