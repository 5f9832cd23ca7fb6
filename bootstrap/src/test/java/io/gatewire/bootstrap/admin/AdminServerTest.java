package io.gatewire.bootstrap.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  private static final String DUMP =
      """
      {"*": {"listeners": [{"name": "l80"}], "clusters": [{"name": "c1"}, {"name": "c2"}],
             "endpoints": [{"clusterName": "c1"}]},
       "ns/gw": {"listeners": [{"name": "l80"}], "clusters": [{"name": "c1"}],
                 "endpoints": [{"clusterName": "c1"}]}}
      """;

  private static AdminServer started() throws Exception {
    AdminServer admin =
        new AdminServer(
            new AdminServer.Access(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), false),
            () -> new SyncConfigurationUseCase.SyncState(true, false, null, 1, 0),
            () -> "metric 1\n",
            () -> DUMP);
    admin.start();
    return admin;
  }

  private static HttpResponse<String> send(AdminServer admin, String method, String pathAndQuery)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void onlyExactPaths_answer_andOthersAre404InPlainText() throws Exception {
    try (AdminServer admin = started()) {
      for (String path : new String[] {"/healthzXYZ", "/healthz/", "/", "/config_dumps", "/x"}) {
        HttpResponse<String> r = send(admin, "GET", path);
        assertThat(r.statusCode()).as(path).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(r.body())
            .as(path)
            .startsWith("not found: " + path)
            .contains("/healthz /metrics /readyz")
            .doesNotContain("<");
      }
      assertThat(send(admin, "GET", "/healthz").body()).isEqualTo("ok\n");
      assertThat(send(admin, "GET", "/healthz?verbose").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void otherMethodsThanGetAndHead_are405_withAllow() throws Exception {
    try (AdminServer admin = started()) {
      for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
        HttpResponse<String> r = send(admin, method, "/readyz");
        assertThat(r.statusCode()).as(method).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(r.body()).isEqualTo("method not allowed: " + method + "; use GET or HEAD\n");
      }
      HttpResponse<String> head = send(admin, "HEAD", "/metrics");
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
    }
  }

  @Test
  void configDump_filtersByGroupTypeAndResource() throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (AdminServer admin = started()) {
      assertThat(json.readTree(send(admin, "GET", "/config_dump").body()))
          .isEqualTo(json.readTree(DUMP));

      JsonNode group = json.readTree(send(admin, "GET", "/config_dump?group=ns/gw").body());
      assertThat(group.fieldNames()).toIterable().containsExactly("ns/gw");
      assertThat(group.get("ns/gw")).isEqualTo(json.readTree(DUMP).get("ns/gw"));

      JsonNode clusters =
          json.readTree(send(admin, "GET", "/config_dump?group=%2A&type=clusters").body());
      assertThat(clusters.toString())
          .isEqualTo("{\"*\":{\"clusters\":[{\"name\":\"c1\"},{\"name\":\"c2\"}]}}");

      JsonNode named = json.readTree(send(admin, "GET", "/config_dump?resource=c1").body());
      assertThat(named.get("*").toString())
          .isEqualTo(
              "{\"listeners\":[],\"clusters\":[{\"name\":\"c1\"}],"
                  + "\"endpoints\":[{\"clusterName\":\"c1\"}]}");
    }
  }

  @Test
  void configDump_badFilters_arePlainTextErrors() throws Exception {
    try (AdminServer admin = started()) {
      HttpResponse<String> group = send(admin, "GET", "/config_dump?group=ns/none");
      assertThat(group.statusCode()).isEqualTo(404);
      assertThat(group.body()).isEqualTo("no node group 'ns/none'; known: *, ns/gw\n");

      HttpResponse<String> type = send(admin, "GET", "/config_dump?type=cluster");
      assertThat(type.statusCode()).isEqualTo(400);
      assertThat(type.body())
          .isEqualTo(
              "unknown type 'cluster'; one of: listeners, routes, clusters, endpoints, secrets\n");

      HttpResponse<String> unknown = send(admin, "GET", "/config_dump?name=c1");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body()).contains("unknown parameter 'name'");
    }
  }
}
