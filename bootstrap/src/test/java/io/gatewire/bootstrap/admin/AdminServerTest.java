package io.gatewire.bootstrap.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewire.application.port.in.SyncConfigurationUseCase;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AdminServerTest {

  @Test
  void configDump_answersLoopbackPeers_only_unlessExposed() throws Exception {
    InetSocketAddress remote = new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 40000);
    InetSocketAddress remoteV6 = new InetSocketAddress(InetAddress.getByName("fd00::1"), 40000);
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 40000);
    InetSocketAddress loopbackV6 = new InetSocketAddress(InetAddress.getByName("::1"), 40000);

    assertThat(AdminServer.mayReadConfigDump(remote, false)).isFalse();
    assertThat(AdminServer.mayReadConfigDump(remoteV6, false)).isFalse();
    assertThat(AdminServer.mayReadConfigDump(null, false)).isFalse();
    assertThat(AdminServer.mayReadConfigDump(loopback, false)).isTrue();
    assertThat(AdminServer.mayReadConfigDump(loopbackV6, false)).isTrue();
    assertThat(AdminServer.mayReadConfigDump(remote, true)).isTrue();
  }

  @Test
  void bindsTheGivenAddress_andServesTheConfigDumpToALoopbackPeer() throws Exception {
    AdminServer.Access access =
        new AdminServer.Access(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), false);
    try (AdminServer admin =
        new AdminServer(
            access,
            () -> new SyncConfigurationUseCase.SyncState(true, false, null, 1, 0),
            () -> "",
            () -> "{\"dump\": true}")) {
      admin.start();
      assertThat(admin.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + admin.port() + "/config_dump"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"dump\": true}");
    }
  }
}
