package io.gatewire.domain.seam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewire.domain.model.HttpFilter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RecordTextTest {
  record Filters(List<HttpFilter> filters, Map<String, Integer> counts) {}

  @Test
  void sealedTypesOptionalsAndMapsReadBackAsWritten() {
    Filters filters =
        new Filters(
            List.of(
                new HttpFilter.RequestRedirect(
                    Optional.of("https"),
                    Optional.empty(),
                    Optional.empty(),
                    OptionalInt.of(8443),
                    301),
                new HttpFilter.Unsupported("Custom \"x\"\n")),
            Map.of("b", 2, "a", 1));

    String text = RecordText.write(filters);

    assertThat(text)
        .contains("\"@type\": \"model.HttpFilter$RequestRedirect\"")
        .contains("\"hostname\": null")
        .contains("\"port\": 8443")
        .containsSubsequence("\"a\": 1", "\"b\": 2");
    assertThat(RecordText.read(text, Filters.class)).isEqualTo(filters);
  }

  @Test
  void unknownAndMissingFieldsAreErrorsWithTheirPath() {
    assertThatThrownBy(
            () -> RecordText.read("{\"filters\": [], \"counts\": {}, \"extra\": 1}", Filters.class))
        .hasMessageContaining("$: unknown field extra");
    assertThatThrownBy(() -> RecordText.read("{\"filters\": []}", Filters.class))
        .hasMessageContaining("$: missing counts");
    assertThatThrownBy(
            () ->
                RecordText.read(
                    "{\"filters\": [{\"type\": \"x\"}], \"counts\": {}}", Filters.class))
        .hasMessageContaining("$.filters[0]");
  }
}
