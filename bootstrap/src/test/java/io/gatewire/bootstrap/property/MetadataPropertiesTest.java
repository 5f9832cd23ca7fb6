package io.gatewire.bootstrap.property;

import static io.gatewire.domain.fixtures.Fixtures.gateway;
import static io.gatewire.domain.fixtures.Fixtures.gatewayClass;
import static io.gatewire.domain.fixtures.Fixtures.http;
import static io.gatewire.domain.fixtures.Fixtures.httpRoute;
import static io.gatewire.domain.fixtures.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.gatewire.adapters.xds.XdsResources;
import io.gatewire.adapters.xds.XdsTranslator;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.model.BackendRef;
import io.gatewire.domain.model.GatewayResources;
import io.gatewire.domain.model.HttpRoute;
import io.gatewire.domain.status.Warning;
import io.gatewire.domain.translate.TranslationResult;
import io.gatewire.domain.translate.Translator;
import io.gatewire.domain.translate.TranslatorOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever a route's annotations and labels (how many, how large, which keys), the metadata emitted
 * for it stays within the caps of docs/metadata.md: no value over the per-value cap, annotations
 * and labels of one entry within the entry cap, last-applied-configuration never, and everything
 * left out named in a warning. So the serialized metadata of any resource is bounded by a constant.
 */
class MetadataPropertiesTest {
  private static final String PREFIX = MetadataOptions.DEFAULT_PREFIX;

  /** kubectl's prefix passes too, so only the never-rule keeps last-applied-configuration out. */
  private static final MetadataOptions OPTIONS =
      new MetadataOptions(
          MetadataOptions.DEFAULT_NAMESPACE,
          List.of(PREFIX, "kubectl.kubernetes.io/"),
          List.of("app", "team"),
          1024,
          4096,
          true);

  /**
   * The fixed fields of an entry plus, per passed key, a few bytes of Struct framing: a constant.
   */
  private static final int METADATA_BOUND = 1024 + 10 * (OPTIONS.entryCap() + 1);

  @Provide
  Arbitrary<Map<String, String>> annotations() {
    Arbitrary<String> keys =
        Arbitraries.frequencyOf(
            Tuple.of(
                6, Arbitraries.strings().alpha().numeric().ofMaxLength(300).map(k -> PREFIX + k)),
            Tuple.of(
                2,
                Arbitraries.strings()
                    .alpha()
                    .ofMinLength(1)
                    .ofMaxLength(40)
                    .map(k -> "example.com/" + k)),
            Tuple.of(1, Arbitraries.just(MetadataOptions.LAST_APPLIED)));
    return Arbitraries.maps(keys, values()).ofMaxSize(80);
  }

  @Provide
  Arbitrary<Map<String, String>> labels() {
    return Arbitraries.maps(Arbitraries.of("app", "team", "tier"), values()).ofMaxSize(3);
  }

  private static Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(64),
        Arbitraries.strings().withCharRange(' ', '~').ofMinLength(900).ofMaxLength(3000),
        Arbitraries.strings().withCharRange('\u00a0', '\u07ff').ofMinLength(400).ofMaxLength(700));
  }

  @Property(tries = 200)
  void emittedMetadata_staysWithinTheCaps_andWhatIsLeftOutIsWarned(
      @ForAll("annotations") Map<String, String> annotations,
      @ForAll("labels") Map<String, String> labels) {
    HttpRoute built =
        httpRoute("apps", "r")
            .parent("gw")
            .annotations(annotations)
            .rule(List.of(), BackendRef.service("api", 8080, 1))
            .build();
    HttpRoute route =
        new HttpRoute(
            built.meta().withLabels(labels), built.parentRefs(), built.hostnames(), built.rules());
    GatewayResources resources =
        GatewayResources.builder()
            .add(gatewayClass("gatewire"))
            .add(gateway("apps", "gw", http("web", 80)))
            .add(service("apps", "api", "10.0.0.1", 8080))
            .add(route)
            .build();

    TranslationResult result =
        new Translator(new TranslatorOptions(TranslatorOptions.DEFAULT_CONTROLLER_NAME, OPTIONS))
            .translate(resources);
    XdsResources xds = new XdsTranslator(OPTIONS).translate(result.ir().gateways().get(0));

    List<Metadata> emitted = new ArrayList<>();
    xds.clusters().forEach(c -> emitted.add(c.getMetadata()));
    xds.routes()
        .forEach(
            rc ->
                rc.getVirtualHostsList()
                    .forEach(
                        vh -> {
                          emitted.add(vh.getMetadata());
                          vh.getRoutesList().forEach(r -> emitted.add(r.getMetadata()));
                        }));
    assertThat(emitted).hasSizeGreaterThan(2);
    for (Metadata metadata : emitted) {
      assertThat(metadata.getSerializedSize()).isLessThanOrEqualTo(METADATA_BOUND);
      Struct namespace =
          metadata.getFilterMetadataOrDefault(OPTIONS.namespace(), Struct.getDefaultInstance());
      for (Value entry :
          namespace
              .getFieldsOrDefault("resources", Value.getDefaultInstance())
              .getListValue()
              .getValuesList()) {
        assertWithinCaps(entry.getStructValue());
      }
    }
    List<String> warnings = result.warnings().stream().map(Warning::message).toList();
    for (Map.Entry<String, String> annotation : annotations.entrySet()) {
      String key = annotation.getKey();
      boolean emittedKey =
          key.startsWith(PREFIX)
              && routeAnnotations(xds).containsKey(key.substring(PREFIX.length()));
      if (key.startsWith(PREFIX) && !emittedKey) {
        assertThat(warnings)
            .as("dropped " + key)
            .anyMatch(w -> w.startsWith("annotation " + key + " not propagated"));
      }
    }
  }

  private static Map<String, Value> routeAnnotations(XdsResources xds) {
    Struct entry =
        xds.clusters()
            .get(0)
            .getMetadata()
            .getFilterMetadataOrThrow(OPTIONS.namespace())
            .getFieldsOrThrow("resources")
            .getListValue()
            .getValues(0)
            .getStructValue();
    return entry
        .getFieldsOrDefault("annotations", Value.getDefaultInstance())
        .getStructValue()
        .getFieldsMap();
  }

  private static void assertWithinCaps(Struct entry) {
    int bytes = 0;
    for (String field : List.of("annotations", "labels")) {
      for (Map.Entry<String, Value> e :
          entry
              .getFieldsOrDefault(field, Value.getDefaultInstance())
              .getStructValue()
              .getFieldsMap()
              .entrySet()) {
        int valueBytes = e.getValue().getStringValue().getBytes(StandardCharsets.UTF_8).length;
        assertThat(valueBytes).isLessThanOrEqualTo(OPTIONS.annotationValueCap());
        assertThat(e.getKey()).isNotEqualTo("last-applied-configuration");
        bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length + valueBytes;
      }
    }
    assertThat(bytes).isLessThanOrEqualTo(OPTIONS.entryCap());
  }
}
