package io.gatewire.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.gatewire.adapters.xds.serve.AdsTestClient;
import io.gatewire.adapters.xds.testing.TestPki;
import io.grpc.ChannelCredentials;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar gatewire.jar serve} with and without mutual TLS, serving a Gateway with HTTP,
 * HTTPS and TLS-terminating listeners (the golden case secrets-withheld-without-mtls), to
 * hand-driven ADS clients.
 */
class SecureServeIT {
  private static final Path INPUT =
      Path.of("src/test/resources/golden/secrets-withheld-without-mtls/input.yaml")
          .toAbsolutePath();
  private static final String SECRET = "infra/shop-cert";

  @TempDir Path dir;

  private GatewireProcess serve(String name, int xdsPort, int adminPort, String... flags)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "serve",
                "-f",
                INPUT.toString(),
                "--xds-port",
                Integer.toString(xdsPort),
                "--admin-port",
                Integer.toString(adminPort)));
    args.addAll(List.of(flags));
    return GatewireProcess.start(dir, dir.resolve(name + ".log"), adminPort, args).awaitReady();
  }

  private static Status endStatus(AdsTestClient.Sotw stream) {
    await().atMost(AdsTestClient.WAIT).until(() -> stream.ended() != null);
    assertThat(stream.ended()).isInstanceOf(StatusRuntimeException.class);
    return ((StatusRuntimeException) stream.ended()).getStatus();
  }

  @Test
  void withoutMutualTls_httpsListenersArePending_noSecretIsServed_andAskingForOneIsRefused()
      throws Exception {
    int xdsPort = GatewireProcess.freePort();
    try (GatewireProcess gatewire = serve("plain", xdsPort, GatewireProcess.freePort());
        AdsTestClient client = AdsTestClient.connect(xdsPort, "envoy-1", "infra/eg")) {
      JsonNode dump = new ObjectMapper().readTree(gatewire.get("/config_dump")).get("infra/eg");
      assertThat(dump.get("secrets")).isEmpty();
      assertThat(dump.get("listeners"))
          .extracting(l -> l.get("name").asText())
          .containsExactly("infra/eg/80");
      assertThat(gatewire.log()).contains("listener https: Programmed Pending", "--xds-client-ca");

      AdsTestClient.Sotw ads = client.stateOfTheWorld();
      ads.request(Resources.V3.SECRET_TYPE_URL, SECRET);
      assertThat(endStatus(ads).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(gatewire.terminate()).isZero();
    }
  }

  @Test
  void withMutualTlsAndSanAuthorization_theNamedGatewaysEnvoyGetsTheSecret_andNoOtherGateway()
      throws Exception {
    TestPki ca = TestPki.ca("it-ca");
    Path caFile = ca.writeCertificate(dir.resolve("ca.crt"));
    ca.server("gatewire").writeTo(dir.resolve("tls.crt"), dir.resolve("tls.key"));
    int xdsPort = GatewireProcess.freePort();
    try (GatewireProcess gatewire =
            serve(
                "mtls",
                xdsPort,
                GatewireProcess.freePort(),
                "--xds-tls-cert",
                dir.resolve("tls.crt").toString(),
                "--xds-tls-key",
                dir.resolve("tls.key").toString(),
                "--xds-client-ca",
                caFile.toString(),
                "--xds-authorize-by-san");
        AdsTestClient eg =
            AdsTestClient.connect(
                xdsPort, clientCredentials(ca, caFile, "eg.infra"), "envoy-1", "infra/eg");
        AdsTestClient other =
            AdsTestClient.connect(
                xdsPort, clientCredentials(ca, caFile, "eg.infra"), "envoy-2", "infra/other")) {
      DiscoveryResponse secrets =
          eg.stateOfTheWorld().subscribe(Resources.V3.SECRET_TYPE_URL, SECRET);
      assertThat(secrets.getResourcesList())
          .singleElement()
          .satisfies(
              any ->
                  assertThat(
                          any.unpack(Secret.class)
                              .getTlsCertificate()
                              .getPrivateKey()
                              .getInlineBytes()
                              .isEmpty())
                      .isFalse());

      AdsTestClient.Sotw denied = other.stateOfTheWorld();
      denied.request(Resources.V3.LISTENER_TYPE_URL);
      assertThat(endStatus(denied).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);

      String dump = gatewire.get("/config_dump");
      assertThat(dump)
          .contains("\"" + SECRET + "\"", "infra/eg/443")
          .doesNotContain("PRIVATE KEY", "LS0tLS1CRUdJTi");
      assertThat(gatewire.log())
          .contains("mutual TLS: client certificates signed by " + caFile + " required");
      assertThat(gatewire.terminate()).isZero();
    }
  }

  private ChannelCredentials clientCredentials(TestPki ca, Path caFile, String dnsSan)
      throws Exception {
    Path chain = Files.createTempFile(dir, "client", ".crt");
    Path key = Files.createTempFile(dir, "client", ".key");
    ca.client("envoy", List.of(), List.of(dnsSan)).writeTo(chain, key);
    return TlsChannelCredentials.newBuilder()
        .trustManager(caFile.toFile())
        .keyManager(chain.toFile(), key.toFile())
        .build();
  }
}
