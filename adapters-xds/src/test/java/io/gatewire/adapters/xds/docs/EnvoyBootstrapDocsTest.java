package io.gatewire.adapters.xds.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import io.gatewire.adapters.xds.testing.EnvoyValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Envoy bootstraps in docs/ read as Envoy reads them (proto3 JSON mapping of {@code
 * envoy.config.bootstrap.v3.Bootstrap}, unknown fields rejected, every {@code @type} known) and
 * their xDS cluster passes Envoy's field constraints, its TLS context included.
 */
class EnvoyBootstrapDocsTest {
  private static final Path DOCS = Path.of("..", "docs");
  private static final JsonFormat.TypeRegistry TYPES =
      JsonFormat.TypeRegistry.newBuilder()
          .add(HttpProtocolOptions.getDescriptor())
          .add(UpstreamTlsContext.getDescriptor())
          .build();

  private static Bootstrap read(String file) throws Exception {
    return parse(Files.readString(DOCS.resolve(file)));
  }

  private static Bootstrap parse(String text) throws Exception {
    Object yaml = new ObjectMapper(new YAMLFactory()).readValue(text, Object.class);
    Bootstrap.Builder bootstrap = Bootstrap.newBuilder();
    JsonFormat.parser()
        .usingTypeRegistry(TYPES)
        .merge(new ObjectMapper().writeValueAsString(yaml), bootstrap);
    return bootstrap.build();
  }

  private static Cluster xdsCluster(Bootstrap bootstrap) {
    String name =
        bootstrap
            .getDynamicResources()
            .getAdsConfig()
            .getGrpcServices(0)
            .getEnvoyGrpc()
            .getClusterName();
    return bootstrap.getStaticResources().getClustersList().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void plaintextBootstrap_namesTheQuickstartGateway_andDialsTheXdsPort() throws Exception {
    Bootstrap bootstrap = read("envoy-bootstrap.yaml");
    Cluster xds = xdsCluster(bootstrap);

    EnvoyValidator.assertValid(xds);
    assertThat(bootstrap.getNode().getCluster()).isEqualTo("myns/eg");
    assertThat(xds.hasTransportSocket()).isFalse();
    assertThat(
            xds.getLoadAssignment()
                .getEndpoints(0)
                .getLbEndpoints(0)
                .getEndpoint()
                .getAddress()
                .getSocketAddress()
                .getPortValue())
        .isEqualTo(18000);
  }

  @Test
  void mutualTlsBootstrap_presentsAClientCertificate_andVerifiesGatewire() throws Exception {
    Bootstrap bootstrap = read("envoy-bootstrap-mtls.yaml");
    Cluster xds = xdsCluster(bootstrap);
    assertThat(xds.getTransportSocket().getName()).isEqualTo("envoy.transport_sockets.tls");
    UpstreamTlsContext tls =
        xds.getTransportSocket().getTypedConfig().unpack(UpstreamTlsContext.class);

    // the validator unpacks only the payload types Gatewire emits: the TLS context is checked on
    // its own
    EnvoyValidator.assertValid(xds.toBuilder().clearTransportSocket().build());
    EnvoyValidator.assertValid(tls);
    assertThat(bootstrap.getNode().getCluster()).isEqualTo("myns/eg");
    CommonTlsContext common = tls.getCommonTlsContext();
    assertThat(common.getAlpnProtocolsList()).containsExactly("h2");
    assertThat(common.getTlsCertificates(0).getCertificateChain().getFilename())
        .isEqualTo("/etc/envoy/xds/tls.crt");
    assertThat(common.getTlsCertificates(0).getPrivateKey().getFilename())
        .isEqualTo("/etc/envoy/xds/tls.key");
    assertThat(common.getValidationContext().getTrustedCa().getFilename())
        .isEqualTo("/etc/envoy/xds/ca.crt");
    assertThat(
            common.getValidationContext().getMatchTypedSubjectAltNames(0).getMatcher().getExact())
        .isEqualTo(tls.getSni());
    // the rest is the plaintext bootstrap's
    assertThat(bootstrap.toBuilder().clearStaticResources().build())
        .isEqualTo(read("envoy-bootstrap.yaml").toBuilder().clearStaticResources().build());
  }

  /**
   * docs/deploy/60-envoy.yaml: the Envoy's bootstrap in its ConfigMap dials the Gatewire Service
   * over mTLS.
   */
  @Test
  void deployedEnvoy_namesItsGateway_andDialsTheXdsServiceOverMutualTls() throws Exception {
    List<JsonNode> documents =
        new ObjectMapper(new YAMLFactory())
            .readerFor(JsonNode.class)
            .<JsonNode>readValues(Files.readString(DOCS.resolve("deploy/60-envoy.yaml")))
            .readAll();
    JsonNode gateway =
        documents.stream()
            .filter(d -> d.path("kind").asText().equals("Gateway"))
            .findFirst()
            .orElseThrow();
    JsonNode configMap =
        documents.stream()
            .filter(d -> d.path("kind").asText().equals("ConfigMap"))
            .findFirst()
            .orElseThrow();
    Bootstrap bootstrap = parse(configMap.path("data").path("envoy.yaml").asText());
    Cluster xds = xdsCluster(bootstrap);
    UpstreamTlsContext tls =
        xds.getTransportSocket().getTypedConfig().unpack(UpstreamTlsContext.class);

    EnvoyValidator.assertValid(xds.toBuilder().clearTransportSocket().build());
    EnvoyValidator.assertValid(tls);
    assertThat(bootstrap.getNode().getCluster())
        .isEqualTo(
            gateway.path("metadata").path("namespace").asText()
                + "/"
                + gateway.path("metadata").path("name").asText());
    assertThat(tls.getCommonTlsContext().getAlpnProtocolsList()).containsExactly("h2");
    assertThat(
            tls.getCommonTlsContext()
                .getValidationContext()
                .getMatchTypedSubjectAltNames(0)
                .getMatcher()
                .getExact())
        .isEqualTo(tls.getSni())
        .isEqualTo("gatewire.gatewire-system.svc");
    var address =
        xds.getLoadAssignment()
            .getEndpoints(0)
            .getLbEndpoints(0)
            .getEndpoint()
            .getAddress()
            .getSocketAddress();
    assertThat(address.getAddress()).startsWith("gatewire.gatewire-system.svc");
    assertThat(address.getPortValue()).isEqualTo(18000);
  }
}
