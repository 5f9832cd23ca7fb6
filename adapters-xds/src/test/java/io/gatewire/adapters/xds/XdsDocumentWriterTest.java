package io.gatewire.adapters.xds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.gatewire.adapters.xds.XdsDocumentWriter.Format;
import io.gatewire.adapters.xds.testing.IrFixtures;
import io.gatewire.domain.metadata.MetadataOptions;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class XdsDocumentWriterTest {
  private static final XdsResources RICH =
      new XdsTranslator(MetadataOptions.DEFAULTS).translate(IrFixtures.rich());

  @Test
  void document_hasTheFiveListsInOrder() throws Exception {
    JsonNode document = new YAMLMapper().readTree(new XdsDocumentWriter(Format.YAML).write(RICH));

    assertThat(fieldNames(document))
        .containsExactly("listeners", "routes", "clusters", "endpoints", "secrets");
    assertThat(document.get("clusters")).hasSize(5);
    assertThat(document.get("endpoints")).hasSize(4);
  }

  @Test
  void status_isAppendedLast() throws Exception {
    ObjectNode status = new ObjectMapper().createObjectNode().put("note", "from the caller");

    JsonNode document =
        new YAMLMapper().readTree(new XdsDocumentWriter(Format.YAML).write(RICH, status));

    assertThat(fieldNames(document))
        .containsExactly("listeners", "routes", "clusters", "endpoints", "secrets", "status");
    assertThat(document.get("status")).isEqualTo(status);
  }

  @Test
  void secrets_showTheirNameOnly() throws Exception {
    String yaml = new XdsDocumentWriter(Format.YAML).write(RICH);

    assertThat(new YAMLMapper().readTree(yaml).get("secrets").get(0))
        .isEqualTo(new ObjectMapper().createObjectNode().put("name", "infra/api-cert"));
    assertThat(yaml).doesNotContain("tlsCertificate:", "inlineBytes", "ZmFrZQ", "PRIVATE KEY");
  }

  @Test
  void resources_useTheProto3JsonNames_andTypedAny() {
    String yaml = new XdsDocumentWriter(Format.YAML).write(RICH);

    assertThat(yaml)
        .contains(
            "filterMetadata:",
            "loadBalancingWeight: 3",
            "connectTimeout: 10s",
            "'@type': type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager",
            "'@type': type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext",
            "sectionName: \"8080\"");
    assertThat(yaml).doesNotStartWith("---");
  }

  @Test
  void jsonAndYaml_holdTheSameDocument() throws Exception {
    String json = new XdsDocumentWriter(Format.JSON).write(RICH);
    String yaml = new XdsDocumentWriter(Format.YAML).write(RICH);

    assertThat(new ObjectMapper().readTree(json)).isEqualTo(new YAMLMapper().readTree(yaml));
    assertThat(json).startsWith("{").endsWith("}\n");
  }

  @Test
  void aLargeDocument_isWrittenWhole_inNameOrder_toAWriter() throws Exception {
    List<Cluster> clusters = new ArrayList<>();
    for (int i = 2_000; i > 0; i--) {
      clusters.add(Cluster.newBuilder().setName(String.format("c-%04d", i)).build());
    }
    XdsResources large = new XdsResources(List.of(), List.of(), clusters, List.of(), List.of());
    StringWriter out = new StringWriter();

    new XdsDocumentWriter(Format.JSON).write(large, null, out);

    JsonNode written = new ObjectMapper().readTree(out.toString());
    List<String> names = new ArrayList<>();
    written.get("clusters").forEach(cluster -> names.add(cluster.get("name").asText()));
    assertThat(names).hasSize(2_000).isSorted().startsWith("c-0001").endsWith("c-2000");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
