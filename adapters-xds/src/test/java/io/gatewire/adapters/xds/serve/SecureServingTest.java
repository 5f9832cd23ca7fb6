package io.gatewire.adapters.xds.serve;

import static io.gatewire.adapters.xds.serve.ServingFixtures.EDGE;
import static io.gatewire.adapters.xds.serve.ServingFixtures.SHOP;
import static io.gatewire.adapters.xds.serve.XdsTypes.CDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.LDS;
import static io.gatewire.adapters.xds.serve.XdsTypes.SDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.gatewire.adapters.xds.testing.IrFixtures;
import io.gatewire.adapters.xds.testing.TestPki;
import io.gatewire.domain.ir.Ir;
import io.gatewire.domain.metadata.MetadataOptions;
import io.grpc.ChannelCredentials;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The xDS port's transport security with real gRPC clients and certificates made for the test: TLS
 * and mutual TLS, Secrets only on authenticated streams, authorization of a node's Gateway by the
 * client certificate's SAN, and certificate files rotated on disk.
 */
class SecureServingTest {
  private static final Duration FAST_REFRESH = Duration.ofMillis(100);

  @TempDir Path dir;

  private TestPki ca;
  private Path serverChain;
  private Path serverKey;
  private Path clientCa;

  @BeforeEach
  void pki() {
    ca = TestPki.ca("gatewire-test-ca");
    serverChain = dir.resolve("tls.crt");
    serverKey = dir.resolve("tls.key");
    clientCa = ca.writeCertificate(dir.resolve("ca.crt"));
    ca.server("gatewire-xds").writeTo(serverChain, serverKey);
  }

  private ServingOptions mutualTls(boolean authorizeBySan) {
    return new ServingOptions(
        0,
        MetadataOptions.DEFAULTS,
        Optional.of(new XdsTls(serverChain, serverKey, Optional.of(clientCa), FAST_REFRESH)),
        false,
        authorizeBySan);
  }

  /** Trusts the test CA; presents {@code client} when not null. */
  private ChannelCredentials credentials(TestPki.Issued client) throws IOException {
    TlsChannelCredentials.Builder builder =
        TlsChannelCredentials.newBuilder().trustManager(clientCa.toFile());
    if (client != null) {
      Path chain = Files.createTempFile(dir, "client", ".crt");
      Path key = Files.createTempFile(dir, "client", ".key");
      client.writeTo(chain, key);
      builder.keyManager(chain.toFile(), key.toFile());
    }
    return builder.build();
  }

  private TestPki.Issued clientNaming(String uriSan, String dnsSan) {
    return ca.client(
        "envoy",
        uriSan == null ? List.of() : List.of(uriSan),
        dnsSan == null ? List.of() : List.of(dnsSan));
  }

  private static Status endStatus(Supplier<Throwable> ended) {
    await().atMost(AdsTestClient.WAIT).until(() -> ended.get() != null);
    assertThat(ended.get()).isInstanceOf(StatusRuntimeException.class);
    return ((StatusRuntimeException) ended.get()).getStatus();
  }

  @Nested
  class Secrets {
    @Test
    void plaintextClient_cannotObtainASecret_evenWhenTheSnapshotHoldsOne() throws Exception {
      try (ServingHarness harness =
              ServingHarness.started().publish(new Ir(List.of(IrFixtures.rich())));
          AdsTestClient client = harness.client("envoy-1", "infra/gw")) {
        assertThat(harness.serving.servedResources("infra/gw").secrets()).isNotEmpty();

        AdsTestClient.Sotw ads = client.stateOfTheWorld();
        ads.request(SDS, "infra/api-cert");
        Status adsEnd = endStatus(ads::ended);
        AdsTestClient.Sotw sds = client.secretService();
        sds.request(SDS, "infra/api-cert");
        Status sdsEnd = endStatus(sds::ended);
        AdsTestClient.Delta delta = client.delta();
        assertThatThrownBy(() -> delta.subscribe(SDS, "infra/api-cert"))
            .isInstanceOf(AssertionError.class);
        Status deltaEnd = endStatus(delta::ended);

        for (Status status : List.of(adsEnd, sdsEnd, deltaEnd)) {
          assertThat(status.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
          assertThat(status.getDescription())
              .contains("mutual-TLS-authenticated", "no verified client certificate");
        }
        assertThat(ads.within(SDS, Duration.ZERO)).isEmpty();
        // the rest of the configuration is still served to the same client
        assertThat(XdsTypes.unpack(client.stateOfTheWorld().subscribe(CDS), Cluster.class))
            .isNotEmpty();
      }
    }

    @Test
    void insecureSecretsAllowed_plaintextClientGetsTheSecret() throws Exception {
      ServingOptions insecure =
          new ServingOptions(0, MetadataOptions.DEFAULTS, Optional.empty(), true, false);
      try (ServingHarness harness =
              ServingHarness.started(insecure).publish(new Ir(List.of(IrFixtures.rich())));
          AdsTestClient client = harness.client("envoy-1", "infra/gw")) {
        assertThat(
                XdsTypes.unpack(
                    client.stateOfTheWorld().subscribe(SDS, "infra/api-cert"), Secret.class))
            .hasSize(1);
        assertThat(harness.logLinesContaining("--allow-insecure-secrets")).hasSize(1);
      }
    }

    @Test
    void mutualTlsClient_getsTheSecret_overAdsAndSds() throws Exception {
      try (ServingHarness harness =
              ServingHarness.started(mutualTls(false)).publish(new Ir(List.of(IrFixtures.rich())));
          AdsTestClient client =
              AdsTestClient.connect(
                  harness.port(),
                  credentials(clientNaming(null, "gw.infra")),
                  "envoy-1",
                  "infra/gw")) {
        var ads =
            XdsTypes.unpack(
                client.stateOfTheWorld().subscribe(SDS, "infra/api-cert"), Secret.class);
        var sds =
            XdsTypes.unpack(client.secretService().subscribe(SDS, "infra/api-cert"), Secret.class);

        for (List<Secret> secrets : List.of(ads, sds)) {
          assertThat(secrets)
              .singleElement()
              .satisfies(
                  secret ->
                      assertThat(secret.getTlsCertificate().getPrivateKey().getInlineBytes())
                          .isNotEmpty());
        }
        assertThat(
                harness.logLinesContaining(
                    "mutual TLS: client certificates signed by " + clientCa + " required"))
            .hasSize(1);
      }
    }

    @Test
    void tlsClientWithoutCertificate_isRefusedAtTheHandshake() throws Exception {
      try (ServingHarness harness =
              ServingHarness.started(mutualTls(false)).publish(new Ir(List.of(IrFixtures.rich())));
          AdsTestClient client =
              AdsTestClient.connect(harness.port(), credentials(null), "envoy-1", "infra/gw")) {
        AdsTestClient.Sotw ads = client.stateOfTheWorld();
        ads.request(CDS);

        assertThat(endStatus(ads::ended).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(ads.within(CDS, Duration.ZERO)).isEmpty();
      }
    }

    @Test
    void plaintextClient_cannotReachAMutualTlsPort() throws Exception {
      try (ServingHarness harness =
              ServingHarness.started(mutualTls(false)).publish(new Ir(List.of(IrFixtures.rich())));
          AdsTestClient client = harness.client("envoy-1", "infra/gw")) {
        AdsTestClient.Sotw ads = client.stateOfTheWorld();
        ads.request(SDS, "infra/api-cert");

        assertThat(endStatus(ads::ended).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(ads.within(SDS, Duration.ZERO)).isEmpty();
      }
    }
  }

  @Nested
  class AuthorizeBySan {
    @Test
    void clientNamingShop_getsShop_butNotEdge_onEveryKindOfStream() throws Exception {
      try (ServingHarness harness =
              ServingHarness.started(mutualTls(true)).publish(ServingFixtures.ir());
          AdsTestClient shop =
              AdsTestClient.connect(
                  harness.port(),
                  credentials(clientNaming("spiffe://cluster.local/ns/shop/gateway/gw", null)),
                  "envoy-shop",
                  SHOP);
          AdsTestClient edge =
              AdsTestClient.connect(
                  harness.port(),
                  credentials(clientNaming("spiffe://cluster.local/ns/shop/gateway/gw", null)),
                  "envoy-shop",
                  EDGE)) {
        assertThat(XdsTypes.unpack(shop.stateOfTheWorld().subscribe(LDS), Listener.class))
            .extracting(Listener::getName)
            .containsExactly(ServingFixtures.SHOP_LISTENER);
        assertThat(XdsTypes.names(shop.delta().subscribe(LDS)))
            .containsExactly(ServingFixtures.SHOP_LISTENER);

        AdsTestClient.Sotw sotw = edge.stateOfTheWorld();
        sotw.request(LDS);
        AdsTestClient.Sotw cds = edge.clusterService();
        cds.request(CDS);
        AdsTestClient.Delta delta = edge.delta();
        assertThatThrownBy(() -> delta.subscribe(LDS)).isInstanceOf(AssertionError.class);

        for (Status status :
            List.of(endStatus(sotw::ended), endStatus(cds::ended), endStatus(delta::ended))) {
          assertThat(status.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
          assertThat(status.getDescription())
              .contains(
                  "node cluster '" + EDGE + "'", "URI:spiffe://cluster.local/ns/shop/gateway/gw");
        }
        assertThat(sotw.within(LDS, Duration.ZERO)).isEmpty();
      }
    }

    @Test
    void dnsSanNameDotNamespace_authorizesThatGateway() throws Exception {
      try (ServingHarness harness =
              ServingHarness.started(mutualTls(true)).publish(ServingFixtures.ir());
          AdsTestClient edge =
              AdsTestClient.connect(
                  harness.port(),
                  credentials(clientNaming(null, "edge.infra")),
                  "envoy-edge",
                  EDGE)) {
        assertThat(XdsTypes.unpack(edge.stateOfTheWorld().subscribe(LDS), Listener.class))
            .extracting(Listener::getName)
            .containsExactly(ServingFixtures.EDGE_LISTENER);
      }
    }

    @Test
    void nodeNamingNoKnownGateway_getsNothing_notEveryGatewayMerged() throws Exception {
      try (ServingHarness harness = ServingHarness.started(mutualTls(true));
          AdsTestClient ghost =
              AdsTestClient.connect(
                  harness.port(),
                  credentials(clientNaming("ghost/gw", null)),
                  "envoy-ghost",
                  "ghost/gw")) {
        AdsTestClient.Sotw early = ghost.stateOfTheWorld();
        early.request(LDS);
        await()
            .atMost(AdsTestClient.WAIT)
            .until(() -> harness.serving.requestedGroups().contains("ghost/gw"));
        harness.publish(ServingFixtures.ir());

        assertThat(XdsTypes.unpack(early.next(LDS), Listener.class)).isEmpty();
        assertThat(XdsTypes.unpack(ghost.stateOfTheWorld().subscribe(LDS), Listener.class))
            .isEmpty();
        assertThat(harness.logLinesContaining("gets nothing until that Gateway exists")).hasSize(1);
      }
    }

    @Test
    void needsMutualTls() {
      assertThatThrownBy(
              () ->
                  new ServingOptions(
                      0,
                      MetadataOptions.DEFAULTS,
                      Optional.of(
                          new XdsTls(serverChain, serverKey, Optional.empty(), FAST_REFRESH)),
                      false,
                      true))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("mutual TLS");
    }
  }

  @Nested
  class CertificateFiles {
    @Test
    void rotatedCertificateFiles_areUsedByNewConnections_withoutRestart() throws Exception {
      try (ServingHarness harness = ServingHarness.started(mutualTls(false))) {
        TestPki.Issued client = clientNaming(null, "gw.infra");
        X509Certificate before = serverCertificateSeen(harness.port(), client);
        TestPki.Issued rotated = ca.server("gatewire-xds-rotated").writeTo(serverChain, serverKey);

        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    assertThat(serverCertificateSeen(harness.port(), client))
                        .isEqualTo(rotated.certificate()));
        assertThat(before).isNotEqualTo(rotated.certificate());
        assertThat(harness.logLinesContaining("reloaded " + serverChain)).isNotEmpty();
      }
    }

    @Test
    void brokenReplacement_keepsThePreviousCertificate_andSaysWhichFile() throws Exception {
      try (ServingHarness harness = ServingHarness.started(mutualTls(false))) {
        TestPki.Issued client = clientNaming(null, "gw.infra");
        X509Certificate before = serverCertificateSeen(harness.port(), client);
        Files.writeString(serverKey, "not a key\n");

        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> !harness.logLinesContaining(serverKey.toString()).isEmpty());
        assertThat(harness.logLinesContaining("keeping the previous credentials").get(0))
            .contains(serverKey.toString());
        assertThat(serverCertificateSeen(harness.port(), client)).isEqualTo(before);
        Thread.sleep(FAST_REFRESH.multipliedBy(5).toMillis());
        assertThat(harness.logLinesContaining("keeping the previous credentials"))
            .as("logged once, not per poll")
            .hasSize(1);
      }
    }

    @Test
    void missingOrUnusableFiles_failTheStart_namingTheFile() throws IOException {
      Path missing = dir.resolve("missing.crt");
      Path notPem = Files.writeString(dir.resolve("garbage.crt"), "hello\n");
      Path otherKey = dir.resolve("other.key");
      ca.server("other").writeTo(dir.resolve("other.crt"), otherKey);

      assertThat(startFailure(missing, serverKey, Optional.empty()))
          .hasMessageContaining(missing + ": cannot be read");
      assertThat(startFailure(notPem, serverKey, Optional.empty()))
          .hasMessageContaining(notPem.toString());
      assertThat(startFailure(serverChain, serverChain, Optional.empty()))
          .hasMessageContaining(serverChain + ": holds no PKCS#8 PEM private key");
      assertThat(startFailure(serverChain, otherKey, Optional.empty()))
          .hasMessageContaining(
              otherKey + ": is not the key of the first certificate in " + serverChain);
      assertThat(startFailure(serverChain, serverKey, Optional.of(notPem)))
          .hasMessageContaining(notPem.toString());
    }

    private Throwable startFailure(Path chain, Path key, Optional<Path> clientCaFile) {
      XdsServing serving =
          new XdsServing(
              new ServingOptions(
                  0,
                  MetadataOptions.DEFAULTS,
                  Optional.of(new XdsTls(chain, key, clientCaFile, FAST_REFRESH)),
                  false,
                  false),
              new SimpleMeterRegistry(),
              ServingLog.toLogger(),
              InetAddress.getLoopbackAddress(),
              Duration.ofMillis(100));
      try (serving) {
        assertThatThrownBy(serving::start).isInstanceOf(TlsFileException.class);
        return org.assertj.core.api.Assertions.catchThrowable(serving::start);
      }
    }

    /** The certificate the server presents to a new TLS connection that offers {@code client}. */
    private X509Certificate serverCertificateSeen(int port, TestPki.Issued client)
        throws Exception {
      Path chain = Files.createTempFile(dir, "probe", ".crt");
      Path key = Files.createTempFile(dir, "probe", ".key");
      client.writeTo(chain, key);
      io.grpc.util.AdvancedTlsX509KeyManager keys = new io.grpc.util.AdvancedTlsX509KeyManager();
      keys.updateIdentityCredentials(chain.toFile(), key.toFile());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          new javax.net.ssl.KeyManager[] {keys}, new TrustManager[] {new AcceptAny()}, null);
      try (SSLSocket socket =
          (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"h2"});
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return (X509Certificate) socket.getSession().getPeerCertificates()[0];
      }
    }
  }

  /** Accepts whatever the server presents: the probe only looks at which certificate that is. */
  private static final class AcceptAny implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // the probe trusts any server
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
