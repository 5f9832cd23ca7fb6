package io.gatewire.domain.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.model.ObjectRef;
import io.gatewire.domain.status.Warning;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A result is deterministic output: warnings come sorted and each once, whatever order and how
 * often the translation reported them.
 */
class TranslationResultTest {
  private static Warning warning(String name, String message) {
    return new Warning(new ObjectRef("HTTPRoute", "ns", name), message);
  }

  @Test
  void warnings_areSortedAndDistinct() {
    Warning a = warning("a", "one");
    Warning b = warning("b", "two");
    assertThat(new TranslationResult(Ir.EMPTY, List.of(), List.of(b, a, b)).warnings())
        .containsExactly(a, b);
    assertThat(new TranslationResult(Ir.EMPTY, List.of(), List.of(a, a)).warnings())
        .containsExactly(a);
    assertThat(new TranslationResult(Ir.EMPTY, List.of(), List.of(a, b)).warnings())
        .containsExactly(a, b);
  }

  @Test
  void aResultsOwnSortedLists_passOnUnchanged() {
    TranslationResult first =
        new TranslationResult(Ir.EMPTY, List.of(), List.of(warning("b", "x"), warning("a", "x")));
    TranslationResult second = first.withIr(Ir.EMPTY);
    assertThat(second.warnings()).isSameAs(first.warnings());
    assertThat(second).isEqualTo(first);
  }
}
