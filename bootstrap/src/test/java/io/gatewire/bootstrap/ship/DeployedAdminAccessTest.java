package io.gatewire.bootstrap.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatewire.application.port.in.SyncConfigurationUseCase;
import io.gatewire.bootstrap.admin.AdminServer;
import io.gatewire.bootstrap.build.BuildInfo;
import io.gatewire.testkit.tools.RepoRoot;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The admin access of the deployed install, as far as it can be checked without a cluster: the
 * Deployment binds admin HTTP where both the kubelet (pod IP) and {@code kubectl port-forward} (the
 * pod's loopback) reach it, the port deploy.md forwards is the container's admin port, and an admin
 * server bound that way answers {@code /config_dump} to a loopback peer, as port-forward's is. The
 * Deployment runs the image the build makes.
 */
class DeployedAdminAccessTest {

  @Test
  void deployment_bindsAdminOnEveryInterface_soProbesAndPortForwardBothReachIt() throws Exception {
    JsonNode container =
        DeployManifests.container(DeployManifests.gatewireDeployment(DeployManifests.plain()));
    String address = DeployManifests.arg(container, "--admin-address");

    assertThat(InetAddress.getByName(address).isAnyLocalAddress())
        .as(
            "--admin-address %s must be a wildcard: probes use the pod IP, port-forward loopback",
            address)
        .isTrue();
    assertThat(DeployManifests.arg(container, "--admin-expose-config-dump")).isNull();
    assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("admin");

    try (AdminServer admin =
        new AdminServer(
            new AdminServer.Access(new InetSocketAddress(InetAddress.getByName(address), 0), false),
            () -> new SyncConfigurationUseCase.SyncState(true, false, null, 1, 0),
            () -> "",
            () -> "{}")) {
      admin.start();
      HttpResponse<String> dump =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + admin.port() + "/config_dump"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(dump.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void deployDoc_portForwardsTheAdminPort_andReadsTheConfigDumpOnLoopback() throws Exception {
    JsonNode container =
        DeployManifests.container(DeployManifests.gatewireDeployment(DeployManifests.plain()));
    String adminPort = DeployManifests.arg(container, "--admin-port");
    String doc = Files.readString(RepoRoot.find().resolve("docs/deploy.md"));

    Matcher forward =
        Pattern.compile("kubectl -n gatewire-system port-forward deploy/gatewire (\\d+):(\\d+)")
            .matcher(doc);
    assertThat(forward.find()).as("deploy.md shows kubectl port-forward").isTrue();
    assertThat(forward.group(2)).isEqualTo(adminPort);
    assertThat(doc).contains("curl -s localhost:" + forward.group(1) + "/config_dump");
    for (JsonNode port : container.path("ports")) {
      if (port.path("name").asText().equals("admin")) {
        assertThat(port.path("containerPort").asText()).isEqualTo(adminPort);
      }
    }
  }

  @Test
  void deployment_runsTheImageTheBuildMakes() throws Exception {
    List<ObjectNode> objects = DeployManifests.plain();
    JsonNode container = DeployManifests.container(DeployManifests.gatewireDeployment(objects));

    assertThat(container.path("image").asText())
        .isEqualTo("gatewire:" + BuildInfo.current().version());
  }
}
