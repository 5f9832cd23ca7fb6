package io.gatewire.testkit.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class EchoBackendsTest {
  private static final String MANIFESTS =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: apps}
      spec:
        ports:
        - {name: http, port: 80}
        - {name: admin, port: 9000}
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: web-abc
        namespace: apps
        labels: {kubernetes.io/service-name: web}
      addressType: IPv4
      endpoints:
      - addresses: [10.0.0.1]
      ports:
      - {name: http, port: 8080}
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: other-abc
        namespace: apps
        labels: {kubernetes.io/service-name: other}
      addressType: IPv4
      endpoints:
      - addresses: [10.0.0.2]
      ports:
      - {name: http, port: 8080}
      """;

  @Test
  void eachServiceGetsEchoServers_andSlicesPointingAtThem_inPlaceOfItsOwn() throws Exception {
    try (EchoBackends backends = EchoBackends.start(MANIFESTS, 2)) {
      String manifests = backends.manifests();

      assertThat(backends.servers("apps", "web")).hasSize(2);
      assertThat(manifests).doesNotContain("web-abc").doesNotContain("10.0.0.1");
      assertThat(manifests).contains("other-abc").contains("10.0.0.2");
      for (EchoServer server : backends.servers("apps", "web")) {
        assertThat(manifests).contains("name: \"" + server.identity().pod() + "\"");
        assertThat(manifests).contains("port: " + server.port());
        HttpResponse<String> response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"pod\" : \"" + server.identity().pod() + "\"");
      }
    }
  }
}
