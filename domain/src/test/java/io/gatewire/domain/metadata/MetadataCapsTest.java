package io.gatewire.domain.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewire.domain.model.GatewayApi;
import io.gatewire.domain.model.ObjectMeta;
import io.gatewire.domain.status.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The caps of the metadata contract are limits, not thresholds: a value of exactly the per-value
 * cap passes, an entry of exactly the entry cap passes, and a cap must be positive.
 */
class MetadataCapsTest {
  private static ObjectMeta route(Map<String, String> annotations) {
    return ObjectMeta.of("HTTPRoute", GatewayApi.V1, "ns", "r").withAnnotations(annotations);
  }

  @Test
  void aValueOfExactlyTheValueCap_passes() {
    List<Warning> warnings = new ArrayList<>();
    ResourceOrigin origin =
        new ProvenanceRules(MetadataOptions.DEFAULTS, warnings::add)
            .origin(route(Map.of("gateway.envoyproxy.io/k", "v".repeat(1024))), null);
    assertThat(origin.annotations()).containsOnlyKeys("k");
    assertThat(warnings).isEmpty();
  }

  @Test
  void anEntryOfExactlyTheEntryCap_keepsEveryValue() {
    Map<String, String> annotations = new TreeMap<>();
    for (int i = 0; i < 4; i++) {
      // key "k<i>" (2 bytes) + 1022 bytes of value = 1024; four of them fill the 4096 cap exactly
      annotations.put("gateway.envoyproxy.io/k" + i, "v".repeat(1022));
    }
    List<Warning> warnings = new ArrayList<>();
    ResourceOrigin origin =
        new ProvenanceRules(MetadataOptions.DEFAULTS, warnings::add)
            .origin(route(annotations), null);
    assertThat(origin.annotations()).containsOnlyKeys("k0", "k1", "k2", "k3");
    assertThat(warnings).isEmpty();
  }

  @Test
  void capsMustBePositive() {
    assertThatThrownBy(
            () -> new MetadataOptions("envoy-gateway", List.of(), List.of(), 0, 4096, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metadata caps must be positive");
    assertThatThrownBy(
            () -> new MetadataOptions("envoy-gateway", List.of(), List.of(), 1024, 0, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new MetadataOptions("envoy-gateway", List.of(), List.of(), 1, 1, false).entryCap())
        .isEqualTo(1);
  }

  @Test
  void extraPrefixes_areAddedOnce_afterTheDefault() {
    MetadataOptions options =
        MetadataOptions.DEFAULTS.withExtraPrefixes(
            List.of("example.com/", MetadataOptions.DEFAULT_PREFIX, "example.com/"));
    assertThat(options.annotationPrefixes())
        .containsExactly(MetadataOptions.DEFAULT_PREFIX, "example.com/");
  }
}
