package io.gatewire.adapters.xds.mapping;

import static io.gatewire.adapters.xds.testing.IrFixtures.httpRoute;
import static io.gatewire.adapters.xds.testing.IrFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.gatewire.domain.metadata.MetadataOptions;
import io.gatewire.domain.metadata.ResourceMetadata;
import io.gatewire.domain.metadata.ResourceOrigin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataMapperTest {
  private final MetadataMapper mapper = new MetadataMapper(MetadataOptions.DEFAULTS);

  @Test
  void noOrigin_givesNoMetadataAtAll() {
    assertThat(mapper.map(ResourceMetadata.NONE)).isEmpty();
  }

  @Test
  void seedRoute_givesOneResourcesEntryWithTheFilteredAnnotation() throws Exception {
    Metadata metadata =
        mapper
            .map(ResourceMetadata.of(httpRoute("myns", "myroute", null, Map.of("foo", "bar"))))
            .orElseThrow();

    assertThat(json(metadata))
        .isEqualTo(
            """
        {"filterMetadata":{"envoy-gateway":{"resources":[\
        {"annotations":{"foo":"bar"},"groupVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute",\
        "name":"myroute","namespace":"myns"}]}}}""");
  }

  @Test
  void sectionName_isPresentOnlyWhenSet_andEmptyAnnotationsAreLeftOut() throws Exception {
    Metadata metadata =
        mapper.map(ResourceMetadata.of(service("myns", "svc-1", 8080))).orElseThrow();

    assertThat(json(metadata))
        .isEqualTo(
            """
        {"filterMetadata":{"envoy-gateway":{"resources":[\
        {"groupVersion":"v1","kind":"Service","name":"svc-1","namespace":"myns","sectionName":"8080"}]}}}""");
  }

  @Test
  void labels_arePresentWhenTheyPassedTheFilter() throws Exception {
    ResourceOrigin labelled =
        new ResourceOrigin(
            "HTTPRoute",
            "gateway.networking.k8s.io/v1",
            "ns",
            "r",
            "rule-a",
            Map.of(),
            Map.of("team", "a"));

    assertThat(json(mapper.map(ResourceMetadata.of(labelled)).orElseThrow()))
        .isEqualTo(
            """
        {"filterMetadata":{"envoy-gateway":{"resources":[\
        {"groupVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","labels":{"team":"a"},"name":"r",\
        "namespace":"ns","sectionName":"rule-a"}]}}}""");
  }

  @Test
  void severalOrigins_areListedOnceEach_sortedByKindNamespaceNameSection() {
    Metadata metadata =
        mapper
            .map(
                new ResourceMetadata(
                    List.of(
                        service("b", "svc", 80),
                        httpRoute("a", "r", "x", Map.of()),
                        service("a", "svc", 80),
                        httpRoute("a", "r", null, Map.of()),
                        service("a", "svc", 80))))
            .orElseThrow();

    assertThat(
            metadata
                .getFilterMetadataOrThrow("envoy-gateway")
                .getFieldsOrThrow("resources")
                .getListValue()
                .getValuesList())
        .extracting(
            v ->
                v.getStructValue().getFieldsOrThrow("kind").getStringValue()
                    + " "
                    + v.getStructValue().getFieldsOrThrow("namespace").getStringValue()
                    + "/"
                    + v.getStructValue().getFieldsOrThrow("name").getStringValue()
                    + " "
                    + (v.getStructValue().containsFields("sectionName")
                        ? v.getStructValue().getFieldsOrThrow("sectionName").getStringValue()
                        : "-"))
        .containsExactly(
            "HTTPRoute a/r -", "HTTPRoute a/r x", "Service a/svc 80", "Service b/svc 80");
  }

  @Test
  void theNamespaceComesFromTheOptions() {
    MetadataOptions options = new MetadataOptions("acme", List.of(), List.of(), 1024, 4096, false);

    Metadata metadata =
        new MetadataMapper(options).map(ResourceMetadata.of(service("n", "s", 1))).orElseThrow();

    assertThat(metadata.getFilterMetadataMap()).containsOnlyKeys("acme");
  }

  private static String json(Metadata metadata) throws InvalidProtocolBufferException {
    return JsonFormat.printer().sortingMapKeys().omittingInsignificantWhitespace().print(metadata);
  }
}
